package dev.passerelle.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RougeTest {

    @Test
    void identicalTextsScoreOne() {
        RougeScores s = Rouge.score("Le président est arrivé à Astana.", "le Président est arrivé à Astana");
        assertEquals(1, s.rouge1(), 1e-12);
        assertEquals(1, s.rouge2(), 1e-12);
        assertEquals(1, s.rougeL(), 1e-12);
    }

    @Test
    void scoresCountClippedWordsAndTheirOrder() {
        // summary: le chat le chat dort (5 words); reference: le chat dort bien (4 words)
        RougeScores s = Rouge.score("le chat, le chat dort", "Le chat dort bien.");
        // unigrams: le min(2,1) + chat min(2,1) + dort 1 = 3; P = 3/5, R = 3/4
        assertEquals(2 * 0.6 * 0.75 / (0.6 + 0.75), s.rouge1(), 1e-12);
        // bigrams: "le chat" min(2,1) + "chat dort" 1 = 2 of 4 and 3
        assertEquals(2 * 0.5 * (2.0 / 3) / (0.5 + 2.0 / 3), s.rouge2(), 1e-12);
        // longest common subsequence: le chat dort = 3
        assertEquals(2 * 0.6 * 0.75 / (0.6 + 0.75), s.rougeL(), 1e-12);
    }

    @Test
    void accentsCountAndNothingSharedScoresZero() {
        assertEquals(0, Rouge.score("ete", "été").rouge1());
        assertEquals(0, Rouge.score("", "Le chat.").rouge1());
        assertEquals(3, Rouge.lcs(List.of("a", "b", "c", "d"), List.of("a", "x", "c", "d")));
    }
}
