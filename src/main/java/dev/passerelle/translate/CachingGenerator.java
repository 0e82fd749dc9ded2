package dev.passerelle.translate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An LRU sentence cache in front of a generator: a re-sent draft only translates the sentences
 * that changed. Keyed by the sentence as the model sees it (its token ids, from the normalised
 * text), the model revision and the decoding options that change the output; Caffeine evicts
 * the least recently used entries beyond the size limit.
 */
public final class CachingGenerator implements Generator {

    /**
     * Everything a cached translation depends on. The options go in whole: {@link DecodeOptions}
     * holds exactly what changes an output, so a field added there cannot be missed here.
     */
    record Key(String revision, DecodeOptions options, List<Integer> ids) {

        static Key of(String revision, DecodeOptions options, int[] ids) {
            return new Key(revision, options, Arrays.stream(ids).boxed().toList());
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
    public List<Hypothesis> generate(List<int[]> sources, DecodeOptions options) {
        Hypothesis[] out = new Hypothesis[sources.size()];
        List<int[]> missing = new ArrayList<>();
        List<Integer> where = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            Hypothesis h = cache.getIfPresent(Key.of(revision, options, sources.get(i)));
            if (h != null) {
                out[i] = h.fromCache();
            } else {
                missing.add(sources.get(i));
                where.add(i);
            }
        }
        if (!missing.isEmpty()) {
            List<Hypothesis> fresh = next.generate(missing, options);
            for (int k = 0; k < fresh.size(); k++) {
                out[where.get(k)] = fresh.get(k);
                cache.put(Key.of(revision, options, missing.get(k)), fresh.get(k));
            }
        }
        return List.of(out);
    }
}
