package dev.passerelle.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sentence cache answers only for the same sentence, model revision and decoding choices. */
class CachingGeneratorTest {

    private static final DecodeOptions BASE = new DecodeOptions(4, true, 2.0, 10, 0);
    private static final int[] SENTENCE = {12, 34, 0};

    /** Counts the sentences that reach the engine. */
    private static final class Counting implements Generator {
        final List<DecodeOptions> calls = new ArrayList<>();
        final List<Integer> sizes = new ArrayList<>();

        @Override
        public List<Hypothesis> generate(List<Source> sources, DecodeOptions options, Caller caller) {
            calls.add(options);
            sizes.add(sources.size());
            return sources.stream().map(s -> new Hypothesis(new int[] {7}, -0.5, FinishReason.EOS, false)).toList();
        }
    }

    @Test
    void theSameSentenceIsTranslatedOnce() {
        Counting engine = new Counting();
        CachingGenerator cache = new CachingGenerator(engine, "rev-1", 100);
        assertFalse(cache.generate(Source.of(List.of(SENTENCE)), BASE).get(0).cached());
        assertTrue(cache.generate(Source.of(List.of(SENTENCE.clone())), BASE).get(0).cached());
        assertEquals(1, engine.calls.size());
    }

    @Test
    void theModelRevisionIsPartOfTheKey() {
        assertEquals(CachingGenerator.Key.of("", "rev-1", BASE, Source.of(SENTENCE)),
                CachingGenerator.Key.of("", "rev-1", BASE, Source.of(SENTENCE.clone())));
        assertNotEquals(CachingGenerator.Key.of("", "rev-1", BASE, Source.of(SENTENCE)),
                CachingGenerator.Key.of("", "rev-2", BASE, Source.of(SENTENCE)));
    }

    /** A sentence's glossary constraints are part of its key: the same words under a term are another translation. */
    @Test
    void constraintsArePartOfTheKey() {
        Counting engine = new Counting();
        CachingGenerator cache = new CachingGenerator(engine, "rev-1", 100);
        Source plain = Source.of(SENTENCE);
        Source forced = new Source(SENTENCE.clone(), List.of(new int[] {9, 10}));
        assertFalse(cache.generate(List.of(plain), BASE).get(0).cached());
        assertFalse(cache.generate(List.of(forced), BASE).get(0).cached());
        assertTrue(cache.generate(List.of(new Source(SENTENCE.clone(), List.of(new int[] {9, 10}))), BASE).get(0).cached());
        assertTrue(cache.generate(List.of(Source.of(SENTENCE.clone())), BASE).get(0).cached());
        assertEquals(2, engine.calls.size());
    }

    /** One API key never finds, nor times, what another translated: each key has its own entries. */
    @Test
    void oneCallersSentencesAreNeverCachedForAnother() {
        Counting engine = new Counting();
        CachingGenerator cache = new CachingGenerator(engine, "rev-1", 100);
        Caller alice = new Caller(Caller.UNBOUNDED.deadlineNanos(), () -> false, "alice");
        Caller bob = new Caller(Caller.UNBOUNDED.deadlineNanos(), () -> false, "bob");
        assertFalse(cache.generate(Source.of(List.of(SENTENCE)), BASE, alice).get(0).cached());
        assertFalse(cache.generate(Source.of(List.of(SENTENCE.clone())), BASE, bob).get(0).cached(),
                "bob must not learn that alice translated this sentence");
        assertTrue(cache.generate(Source.of(List.of(SENTENCE.clone())), BASE, alice).get(0).cached());
        assertEquals(2, engine.calls.size());
    }

    /** A generator that hands back an abandoned row by mistake: it is neither cached nor returned. */
    @Test
    void anAbandonedHypothesisIsNeverCached() {
        Generator abandoning = (sources, options, caller) -> sources.stream()
                .map(s -> new Hypothesis(new int[] {7}, -0.5, FinishReason.ABANDONED)).toList();
        CachingGenerator cache = new CachingGenerator(abandoning, "rev-1", 100);
        assertThrows(AbandonedException.class, () -> cache.generate(Source.of(List.of(SENTENCE)), BASE));
        assertEquals(0, cache.cache().estimatedSize());
    }

    @Test
    void aSentenceRepeatedInOneCallIsTranslatedOnce() {
        Counting engine = new Counting();
        CachingGenerator cache = new CachingGenerator(engine, "rev-1", 100);
        List<Hypothesis> out = cache.generate(Source.of(List.of(SENTENCE, new int[] {5, 0}, SENTENCE.clone())), BASE);
        assertEquals(3, out.size());
        assertEquals(List.of(2), engine.sizes, "the repeated sentence reaches the engine once");
        assertFalse(out.get(0).cached());
        assertTrue(out.get(2).cached(), "the repeat is answered from the first");
    }

    /**
     * Every component of {@link DecodeOptions}, present and future, is part of the key: changing any
     * one of them alone reaches the engine again. A field added to the record is covered here
     * without touching this test.
     */
    @Test
    void everyDecodingChoiceIsPartOfTheKey() throws ReflectiveOperationException {
        RecordComponent[] components = DecodeOptions.class.getRecordComponents();
        for (int changed = 0; changed < components.length; changed++) {
            Counting engine = new Counting();
            CachingGenerator cache = new CachingGenerator(engine, "rev-1", 100);
            cache.generate(Source.of(List.of(SENTENCE)), BASE);
            DecodeOptions other = withOneChange(components, changed);
            assertFalse(cache.generate(Source.of(List.of(SENTENCE)), other).get(0).cached(),
                    components[changed].getName() + " must be part of the cache key");
            assertEquals(2, engine.calls.size());
        }
    }

    private static DecodeOptions withOneChange(RecordComponent[] components, int changed)
            throws ReflectiveOperationException {
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            Object v = components[i].getAccessor().invoke(BASE);
            values[i] = i == changed ? changed(v) : v;
        }
        return DecodeOptions.class.getDeclaredConstructor(types).newInstance(values);
    }

    private static Object changed(Object v) {
        if (v instanceof Integer n) {
            return n + 1;
        }
        if (v instanceof Boolean b) {
            return !b;
        }
        if (v instanceof Double d) {
            return d + 0.5;
        }
        throw new AssertionError("teach this test to change a " + v.getClass());
    }
}
