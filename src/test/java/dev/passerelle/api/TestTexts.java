package dev.passerelle.api;

import java.util.List;

/** Texts for load and abuse tests, made of the fixture model's vocabulary. */
final class TestTexts {

    private static final List<String> WORDS = List.of("président", "ministre", "Astana", "Paris", "Moscou", "Russie",
            "partenaire", "stratégique", "accords", "signés", "hier", "France", "allié", "important", "merci",
            "beaucoup", "arrivé", "notre", "relations", "pays");

    private TestTexts() {
    }

    /**
     * {@code n} (at most 8,000) different sentences of three words each: different, so the sentence
     * cache cannot answer them, and many batches of work.
     */
    static String distinctSentences(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("Le ").append(WORDS.get(i % 20)).append(' ').append(WORDS.get(i / 20 % 20)).append(' ')
                    .append(WORDS.get(i / 400)).append(". ");
        }
        return b.toString();
    }
}
