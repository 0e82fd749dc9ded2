package dev.passerelle.translate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An LRU sentence cache in front of a generator: a re-sent draft only translates the sentences
 * that changed. Keyed by the sentence as the model sees it (its token ids, from the normalised
 * text), the model revision, the decoding options that change the output, and the caller's
 * partition (its API key), so one key can never tell from {@code cached} or from the answer's speed
 * what another key translated. Caffeine evicts the least recently used entries beyond the size limit.
 * Only finished translations are cached: an abandoned request fails before anything is stored.
 */
public final class CachingGenerator implements Generator {

    /**
     * Everything a cached translation depends on. The options go in whole: {@link DecodeOptions}
     * holds exactly what changes an output, so a field added there cannot be missed here.
     */
    record Key(String partition, String revision, DecodeOptions options, List<List<Integer>> source) {

        /** The source's ids and its constraints (glossary terms): a term changes the translation. */
        static Key of(String partition, String revision, DecodeOptions options, Source source) {
            return new Key(partition, revision, options, source.key());
        }
    }

    private final Generator next;
    private final String revision;
    private final Cache<Key, Hypothesis> cache;

    public CachingGenerator(Generator next, String revision, long maxSentences) {
        this.next = next;
        this.revision = revision;
        this.cache = Caffeine.newBuilder().maximumSize(maxSentences).recordStats().build();
    }

    /** The underlying cache, for metrics. */
    public Cache<?, ?> cache() {
        return cache;
    }

    @Override
    public List<Hypothesis> generate(List<Source> sources, DecodeOptions options, Caller caller) {
        Hypothesis[] out = new Hypothesis[sources.size()];
        // Sentences to translate, each once: an article often repeats one (a refrain, a boilerplate line).
        Map<Key, List<Integer>> missing = new LinkedHashMap<>();
        for (int i = 0; i < out.length; i++) {
            Key key = Key.of(caller.partition(), revision, options, sources.get(i));
            Hypothesis h = cache.getIfPresent(key);
            if (h != null) {
                out[i] = h.fromCache();
            } else {
                missing.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        if (!missing.isEmpty()) {
            List<Source> todo = missing.values().stream().map(where -> sources.get(where.get(0))).toList();
            List<Hypothesis> fresh = next.generate(todo, options, caller);
            int k = 0;
            for (Map.Entry<Key, List<Integer>> e : missing.entrySet()) {
                Hypothesis h = fresh.get(k++);
                if (h.finish() == FinishReason.ABANDONED) {
                    // Generators fail rather than return these; never let one into anyone's answer.
                    throw new AbandonedException(AbandonReason.DEADLINE, "the translation was abandoned");
                }
                cache.put(e.getKey(), h);
                List<Integer> where = e.getValue();
                out[where.get(0)] = h;
                for (int j = 1; j < where.size(); j++) {
                    out[where.get(j)] = h.fromCache();
                }
            }
        }
        return List.of(out);
    }
}
