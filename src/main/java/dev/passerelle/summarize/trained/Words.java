package dev.passerelle.summarize.trained;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;

/**
 * The words the summarizer's features and ROUGE count: maximal runs of letters and decimal digits
 * (Unicode categories L and Nd), lower-cased. Deliberately simpler than Lucene's analysis chain:
 * the training script computes the same features in Python, and this is what both can compute
 * identically ({@code tools/summarizer/features.py} mirrors this class).
 */
public final class Words {

    /** Lucene's French stop words (Snowball's list), which the training script reads as a copy. */
    private static final CharArraySet STOP = FrenchAnalyzer.getDefaultStopSet();

    private Words() {
    }

    /** The words of {@code text} as written (case kept). */
    public static List<String> raw(String text) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean word = Character.isLetter(cp) || Character.isDigit(cp);
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                out.add(text.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            out.add(text.substring(start));
        }
        return out;
    }

    /** The words of {@code text}, lower-cased. */
    public static List<String> of(String text) {
        return raw(text).stream().map(Words::lower).toList();
    }

    /** One word lower-cased, as {@link #of} does. */
    public static String lower(String word) {
        return word.toLowerCase(Locale.ROOT);
    }

    /** Whether a lower-cased word is one of the French stop words. */
    public static boolean isStop(String word) {
        return STOP.contains(word);
    }
}
