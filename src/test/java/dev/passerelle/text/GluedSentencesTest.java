package dev.passerelle.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GluedSentencesTest {

    private final OpenNlpSentenceSplitter splitter = new OpenNlpSentenceSplitter();

    private List<String> sentences(String text) {
        return splitter.split(text).stream().map(s -> s.of(text)).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Il a été entendu par les juges du parquet de Paris.Cette vidéo a été vue un million de fois.|2",
        "Le bilan est lourd.«Nous sommes effondrés», a-t-il dit.|2",
        "Le match a fini 2-1.Les supporters ont fêté la victoire.|2",
        "Il a voté (à main levée).Le texte est adopté.|2",
        "Quoi ?Il est parti sans rien dire.|2",
        "M.Dupont a reçu le prix des mains du ministre.|1",
        "Le navire peut contenir plus de 2.600 passagers à bord.|1",
        "Le programme est en ligne sur www.Passerelle.Example et ailleurs.|1",
        "Voir https://exemple.fr/Article.Html pour le détail complet.|1",
        "Écrivez à redaction@Journal.Fr pour toute question.|1",
    })
    void gluedSentencesAreCutAndNothingElse(String text, int expected) {
        List<String> found = sentences(text);
        assertEquals(expected, found.size(), found.toString());
        assertEquals(text.replace(" ", ""), String.join("", found).replace(" ", ""), "no character lost");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "du parquet de Paris.Cette vidéo|du parquet de Paris.",
        "fin du texte.«Début|fin du texte.",
    })
    void theFirstSentenceEndsAtThePoint(String text, String first) {
        assertEquals(first, sentences(text).get(0));
    }

    @org.junit.jupiter.api.Test
    void aLongRunOfGluedSentencesIsCutInLinearTime() {
        String text = "a.B".repeat(33_000);
        long start = System.nanoTime();
        int found = splitter.split(text).size();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(33_001, found, "\"a.\", then \"Ba.\" 32,999 times, then \"B\"");
        // Rescanning the 99,000-character run for each of its points took ten seconds.
        assertTrue(millis < 2_000, millis + " ms");
    }
}
