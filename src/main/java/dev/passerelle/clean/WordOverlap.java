package dev.passerelle.clean;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word precision and recall of an extracted text against a reference text. A word is a maximal run
 * of Unicode letters, digits and combining marks, after NFC composition and lower-casing (so
 * "l'Élysée" gives "l" and "élysée", and "2.600" gives "2" and "600"); the texts are compared as
 * multisets with clipped counts: a word found 3 times in the extraction and twice in the reference
 * counts 2 matches. Precision = matches / extracted words, recall = matches / reference words.
 */
public final class WordOverlap {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+");

    private WordOverlap() {
    }

    /** The counts of one comparison; corpus figures add them up (micro-average). */
    public record Counts(long matched, long extracted, long reference) {

        public static final Counts ZERO = new Counts(0, 0, 0);

        /** Share of the extracted words that are in the reference (1 when nothing was extracted). */
        public double precision() {
            return extracted == 0 ? 1 : (double) matched / extracted;
        }

        /** Share of the reference words that were extracted (1 when the reference is empty). */
        public double recall() {
            return reference == 0 ? 1 : (double) matched / reference;
        }

        public Counts plus(Counts o) {
            return new Counts(matched + o.matched, extracted + o.extracted, reference + o.reference);
        }
    }

    /** Compares {@code extracted} with {@code reference}. */
    public static Counts compare(String extracted, String reference) {
        Map<String, Integer> ref = bag(reference);
        Map<String, Integer> ext = bag(extracted);
        long matched = 0;
        for (Map.Entry<String, Integer> e : ext.entrySet()) {
            matched += Math.min(e.getValue(), ref.getOrDefault(e.getKey(), 0));
        }
        return new Counts(matched, size(ext), size(ref));
    }

    /** The words of {@code text} with their counts. */
    public static Map<String, Integer> bag(String text) {
        Map<String, Integer> bag = new HashMap<>();
        Matcher m = WORD.matcher(Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT));
        while (m.find()) {
            bag.merge(m.group(), 1, Integer::sum);
        }
        return bag;
    }

    private static long size(Map<String, Integer> bag) {
        return bag.values().stream().mapToLong(Integer::longValue).sum();
    }
}
