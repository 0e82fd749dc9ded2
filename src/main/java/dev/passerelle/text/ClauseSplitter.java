package dev.passerelle.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a sentence that is too long for the model into pieces at clause boundaries: after
 * {@code ; :} or a dash, then after a comma, then before a coordinating word, then at a space,
 * always at the boundary nearest the middle, recursively until every piece fits.
 */
public final class ClauseSplitter {

    private static final List<Pattern> BOUNDARIES = List.of(
            Pattern.compile("[;:](?=\\s)|\\s[\u2013\u2014-](?=\\s)"),
            Pattern.compile(",(?=\\s)"),
            Pattern.compile("(?<=\\s)(?=(et|mais|ou|donc|car|puis|qui|que|dont|lorsque|tandis)\\s)"),
            Pattern.compile("\\s"));

    private final ToIntFunction<String> tokenCount;
    private final int maxTokens;

    /**
     * @param tokenCount model tokens of a text
     * @param maxTokens the most tokens one piece may have
     */
    public ClauseSplitter(ToIntFunction<String> tokenCount, int maxTokens) {
        this.tokenCount = tokenCount;
        this.maxTokens = maxTokens;
    }

    /** A splitter that never cuts: for work on whole sentences (ranking), not model input. */
    public static ClauseSplitter none() {
        return new ClauseSplitter(s -> 0, Integer.MAX_VALUE);
    }

    /** Pieces of {@code sentence} (a span of {@code text}), each within the token limit if possible. */
    public List<Span> split(String text, Span sentence) {
        List<Span> out = new ArrayList<>();
        splitInto(text, sentence, out);
        return out;
    }

    private void splitInto(String text, Span s, List<Span> out) {
        if (s.length() < 2 || tokenCount.applyAsInt(s.of(text)) <= maxTokens) {
            out.add(s);
            return;
        }
        int cut = cutPoint(s.of(text));
        Span left = new Span(s.start(), s.start() + cut).trim(text);
        Span right = new Span(s.start() + cut, s.end()).trim(text);
        for (Span half : List.of(left, right)) {
            if (half.length() > 0) {
                splitInto(text, half, out);
            }
        }
    }

    /** Offset of the best boundary, nearest the middle, in the strongest class that has one. */
    static int cutPoint(String piece) {
        int middle = piece.length() / 2;
        for (Pattern p : BOUNDARIES) {
            int best = -1;
            Matcher m = p.matcher(piece);
            while (m.find()) {
                int at = m.end();
                if (at > 0 && at < piece.length() && (best < 0 || Math.abs(at - middle) < Math.abs(best - middle))) {
                    best = at;
                }
            }
            if (best > 0) {
                return best;
            }
        }
        // One giant word: cut it in the middle, never inside a surrogate pair.
        return Character.isLowSurrogate(piece.charAt(middle)) ? middle + 1 : Math.max(middle, 1);
    }
}
