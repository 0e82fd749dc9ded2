package dev.passerelle.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.Fixture;
import dev.passerelle.text.Document;
import dev.passerelle.text.DocumentSplitter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BoilerplateFilterTest {

    static final DocumentSplitter SENTENCES = DocumentSplitter.sentencesOnly();
    private final BoilerplateFilter filter = new BoilerplateFilter();

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "Le président et le ministre à Astana, le 9 novembre 2023. Photo : Kremlin.ru|PHOTO_CREDIT",
            "Photo: AFP|PHOTO_CREDIT",
            "Crédit photo : Jean Dupont|PHOTO_CREDIT",
            "Une manifestation à Paris. © Reuters|PHOTO_CREDIT",
            "Minh Duc (Selon TASS, Kazinform)|BYLINE",
            "Par Jean-Pierre Martin|BYLINE",
            "Par Jeanne Durand, avec AFP|BYLINE",
            "(AFP)|BYLINE",
            "Reuters / AFP|BYLINE",
            "Source : https://www.example.com/article-123.html|SOURCE",
            "À lire aussi : Le sommet de l'OCS|SOURCE",
            "Comment (0)|COMMENTS",
            "Commentaires|COMMENTS",
            "12 commentaires|COMMENTS",
            "Partager : Facebook X E-mail|SHARE",
            "Abonnez-vous à notre newsletter|SHARE",
            "https://www.example.com/a/b|URL",
            "Envoyer|FRAGMENT",
            "Lire la suite|FRAGMENT"})
    void recognisesBoilerplate(String line, Boilerplate expected) {
        Document doc = SENTENCES.split(line);
        List<Verdict> verdicts = filter.classify(doc);
        assertTrue(verdicts.stream().allMatch(v -> v.boilerplate() == expected), verdicts::toString);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Le Kazakhstan assure la présidence tournante de l'OCS de juillet 2023 à juillet 2024.",
            "« La coopération en matière d'investissement est en plein essor », a-t-il souligné.",
            "Selon le président du Kazakhstan, les échanges bilatéraux se développent avec succès.",
            "Elle compte également trois observateurs : l'Afghanistan, le Bélarus et la Mongolie .",
            "Le photographe a partagé ses images du sommet avec la presse.",
            "Par ailleurs, la Russie reste un allié."})
    void keepsArticleSentences(String line) {
        for (Verdict v : filter.classify(SENTENCES.split(line))) {
            assertNull(v.boilerplate(), v.segment().text());
        }
    }

    @Test
    void theSampleArticleLosesExactlyItsScrapedTail() {
        Document doc = SENTENCES.split(Fixture.sampleText());
        Map<Boilerplate, List<String>> dropped = filter.classify(doc).stream().filter(v -> !v.content())
                .collect(Collectors.groupingBy(Verdict::boilerplate, Collectors.mapping(v -> v.segment().text(),
                        Collectors.toList())));
        assertEquals(List.of("Minh Duc (Selon TASS, Kazinform)"), dropped.get(Boilerplate.BYLINE));
        assertEquals(1, dropped.get(Boilerplate.SOURCE).size());
        assertEquals(List.of("Comment (0)"), dropped.get(Boilerplate.COMMENTS));
        assertTrue(dropped.get(Boilerplate.PHOTO_CREDIT).stream().anyMatch(s -> s.contains("Kremlin.ru")));
        List<String> content = filter.content(doc).stream().map(s -> s.text()).toList();
        assertTrue(content.get(0).startsWith("Le Kazakhstan dialogue avec la Russie"));
        assertTrue(content.get(content.size() - 1).startsWith("Elle compte également trois observateurs"), content::toString);
        assertTrue(content.stream().noneMatch(s -> s.contains("http") || s.contains("Photo") || s.contains("Comment (")));
    }
}
