package dev.passerelle.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.Fixture;
import dev.passerelle.model.ModelLoadException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarianTokenizerTest {

    private static MarianTokenizer tokenizer;

    @BeforeAll
    static void load() {
        tokenizer = MarianTokenizer.load(Fixture.MODEL_DIR.resolve("source.spm"), Fixture.MODEL_DIR.resolve("vocab.json"));
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    @Test
    void encodesLikeThePythonMarianTokenizer() {
        for (Fixture.Case c : Fixture.cases()) {
            assertEquals(c.pieces(), tokenizer.pieces(c.text()), c.text());
            assertArrayEquals(c.inputIds(), tokenizer.encode(c.text()), c.text());
        }
    }

    @Test
    void appendsTheEndToken() {
        int[] ids = tokenizer.encode("Oui.");
        assertEquals(tokenizer.eosId(), ids[ids.length - 1]);
        assertEquals(1, Arrays.stream(ids).filter(i -> i == tokenizer.eosId()).count());
    }

    @Test
    void unknownPiecesBecomeUnk() {
        int[] ids = tokenizer.encode("Le président 漢字 est arrivé.");
        assertTrue(Arrays.stream(ids).anyMatch(i -> i == tokenizer.unkId()));
        int[] plain = tokenizer.encode("Le président est arrivé.");
        assertFalse(Arrays.stream(plain).anyMatch(i -> i == tokenizer.unkId()));
    }

    @Test
    void decodesReferenceOutputs() {
        for (Fixture.Case c : Fixture.cases()) {
            String expected = c.expectedText(4);
            // Python's target.spm leaves pieces it does not know (source-only ones) with their
            // word mark; Passerelle decodes every piece of vocab.json, so it shows a space there.
            assertEquals(expected.replace('\u2581', ' '), tokenizer.decode(c.expectedIds(4)), c.text());
        }
    }

    @Test
    void decodingSkipsSpecialAndUnknownIds() {
        int[] ids = tokenizer.encode("Merci beaucoup !");
        int[] noisy = new int[ids.length + 5];
        System.arraycopy(ids, 0, noisy, 0, ids.length);
        noisy[ids.length] = tokenizer.padId();
        noisy[ids.length + 1] = tokenizer.unkId();
        noisy[ids.length + 2] = 999_999;
        noisy[ids.length + 3] = -7;
        noisy[ids.length + 4] = tokenizer.eosId();
        assertEquals(tokenizer.decode(ids), tokenizer.decode(noisy));
        assertEquals("", tokenizer.decode(new int[] {tokenizer.eosId(), 123_456}));
    }

    @Test
    void roundTripsFrenchText() {
        // Source pieces decoded through the vocabulary give back the (normalised) text.
        for (String text : List.of("Le président est arrivé à Astana.", "C’est pourquoi nous comptons sur elle.",
                "« La Russie est notre partenaire stratégique », a déclaré Tokaïev.")) {
            assertEquals(text, tokenizer.decode(tokenizer.encode(text)));
        }
    }

    @Test
    void noBreakSpaceBeforeHighPunctuationTokenizesLikeASpace() {
        assertArrayEquals(tokenizer.encode("Comment ça va ?"), tokenizer.encode("Comment ça va\u00A0?"));
        assertArrayEquals(tokenizer.encode("Photo : Kremlin."), tokenizer.encode("Photo\u202F: Kremlin."));
    }

    @Test
    void joinsPiecesTheSentencePieceWay() {
        assertEquals("Hello, world!", MarianTokenizer.join(List.of("\u2581Hel", "lo", ",", "\u2581world", "!")));
    }

    @Test
    void malformedVocabularyIsAClearError(@TempDir Path dir) throws Exception {
        Path vocab = dir.resolve("vocab.json");
        Files.writeString(vocab, "[1, 2]");
        ModelLoadException e = assertThrows(ModelLoadException.class,
                () -> MarianTokenizer.load(Fixture.MODEL_DIR.resolve("source.spm"), vocab));
        assertTrue(e.getMessage().contains(vocab.toString()), e.getMessage());
    }
}
