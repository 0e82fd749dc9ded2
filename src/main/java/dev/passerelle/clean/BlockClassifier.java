package dev.passerelle.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;

/**
 * Tells article blocks from furniture in the manner of jusText (Pomikálek, 2011). Each block first
 * gets a class from its own features: length, stop-word density (Lucene's French and English stop
 * sets: running prose is full of "le", "de", "the"; headlines, captions and menus are not) and link
 * density, with {@link BlockRules}' certain shapes as extra evidence. Then context decides the
 * blocks in between: a short block between content is content, between furniture it is furniture.
 * Works on HTML blocks and on lines of plain text alike.
 */
public final class BlockClassifier {

    private enum Cls { GOOD, NEAR_GOOD, SHORT, BAD }

    /** Shorter blocks are decided by their neighbours (jusText's length_low). */
    static final int LENGTH_LOW = 70;
    /** Longer blocks with enough stop words are content on their own (length_high). */
    static final int LENGTH_HIGH = 200;
    /**
     * Stop-word densities: below LOW furniture, from HIGH content. Lower than jusText's 0.30/0.32, whose
     * stop lists are longer than Lucene's: of the article sentences of the 300 OrangeSum pages, 1% fall
     * under 0.22 and 5% under 0.30; the median is 0.42.
     */
    static final double STOP_LOW = 0.22;
    static final double STOP_HIGH = 0.26;
    /** A block with more of its text in links is a list of links. */
    static final double MAX_LINK_DENSITY = 0.2;
    /** ... unless it is long running prose, which can link a clause or two. */
    static final double MAX_PROSE_LINK_DENSITY = 0.5;
    /** A heading this close before content introduces it. */
    static final int MAX_HEADING_DISTANCE = 200;
    /** A block of fewer words is never a sentence. */
    static final int MIN_WORDS = 4;

    private static final CharArraySet FRENCH = FrenchAnalyzer.getDefaultStopSet();
    private static final CharArraySet ENGLISH = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…][»\"”’)\\s\\u00A0]*$");

    private final boolean edgesAreFurniture;

    /**
     * @param edgesAreFurniture whether the start and the end count as furniture for the blocks next to
     *     them: yes for a text (as in jusText: a short line that only touches the edge, such as a
     *     headline or a trailing "Lire la suite", is not the body); no for a page's container, already
     *     cut to the article, whose first and last blocks are decided by the blocks they touch (measured:
     *     BAD edges lost article text on pages that Readability splits into fragments)
     */
    public BlockClassifier(boolean edgesAreFurniture) {
        this.edgesAreFurniture = edgesAreFurniture;
    }

    /** One verdict per block, in order. */
    public List<BlockVerdict> classify(List<Block> blocks) {
        int n = blocks.size();
        Cls[] initial = new Cls[n];
        Boilerplate[] kinds = new Boilerplate[n];
        for (int i = 0; i < n; i++) {
            Block b = blocks.get(i);
            kinds[i] = BlockRules.match(b.text());
            initial[i] = kinds[i] != null ? Cls.BAD : initial(b);
        }
        Cls[] cls = initial.clone();
        Neighbours near = new Neighbours(initial, edgesAreFurniture ? Cls.BAD : null);
        for (int i = 0; i < n; i++) {
            if (initial[i] == Cls.SHORT) {
                cls[i] = shortByContext(near, i);
            }
        }
        for (int i = 0; i < n; i++) {
            if (initial[i] == Cls.NEAR_GOOD) {
                Cls prev = near.get(i, -1, true);
                Cls next = near.get(i, 1, true);
                // jusText drops a near-good block between furniture; whole sentences of prose without
                // links are kept even there (a one-paragraph article between its caption and its links).
                cls[i] = prev == Cls.BAD && next == Cls.BAD && !wholeProse(blocks.get(i)) ? Cls.BAD : Cls.GOOD;
            }
        }
        headings(blocks, kinds, cls);
        List<BlockVerdict> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Block b = blocks.get(i);
            if (cls[i] == Cls.GOOD) {
                out.add(new BlockVerdict(b, BlockRules.stripDateline(b.text().strip()), null));
            } else {
                Boilerplate kind = kinds[i] != null ? kinds[i]
                        : words(b.text()) < MIN_WORDS ? Boilerplate.FRAGMENT : Boilerplate.FURNITURE;
                out.add(new BlockVerdict(b, b.text().strip(), kind));
            }
        }
        return out;
    }

    private static Cls initial(Block b) {
        String text = b.text().strip();
        double stops = stopDensity(text);
        // Prose links a few of its words (even a whole clause); a list of links is mostly links.
        boolean prose = text.length() > LENGTH_HIGH && stops >= STOP_HIGH;
        if (b.linkDensity() > (prose ? MAX_PROSE_LINK_DENSITY : MAX_LINK_DENSITY)) {
            return Cls.BAD;
        }
        if (text.length() < LENGTH_LOW) {
            if (b.linkChars() > 0) {
                return Cls.BAD;
            }
            // A whole short sentence ("Le chauffeur est sorti indemne.") is prose, not a caption or a menu entry.
            boolean sentence = SENTENCE_END.matcher(text).find() && words(text) >= MIN_WORDS && stops >= STOP_LOW;
            return sentence ? Cls.NEAR_GOOD : Cls.SHORT;
        }
        if (stops >= STOP_HIGH) {
            return text.length() > LENGTH_HIGH ? Cls.GOOD : Cls.NEAR_GOOD;
        }
        return stops >= STOP_LOW ? Cls.NEAR_GOOD : Cls.BAD;
    }

    private static boolean wholeProse(Block b) {
        String text = b.text().strip();
        return b.linkChars() == 0 && SENTENCE_END.matcher(text).find();
    }

    /** jusText: good on both sides → good; bad on both → bad; mixed → good only next to a near-good block. */
    private static Cls shortByContext(Neighbours near, int i) {
        Cls prev = near.get(i, -1, true);
        Cls next = near.get(i, 1, true);
        if (prev == null && next == null) {
            // No clear content or furniture around (only sentences and short lines): a short line
            // among sentences belongs to them; among nothing but short lines there is no prose to lean on.
            return near.get(i, -1, false) == Cls.NEAR_GOOD || near.get(i, 1, false) == Cls.NEAR_GOOD ? Cls.GOOD : Cls.BAD;
        }
        prev = prev == null ? next : prev;
        next = next == null ? prev : next;
        if (prev == next) {
            return prev;
        }
        return near.get(i, -1, false) == Cls.NEAR_GOOD || near.get(i, 1, false) == Cls.NEAR_GOOD ? Cls.GOOD : Cls.BAD;
    }

    /**
     * For every block, the class of the nearest block before and after it that is not short (nor
     * near-good, for the strict look-up); {@code edge} past either end. Filled in two passes, so a
     * text of 50,000 short lines costs 50,000 steps, not one walk to the edge per line.
     */
    private static final class Neighbours {
        private final Cls[] prevStrict;
        private final Cls[] nextStrict;
        private final Cls[] prevLoose;
        private final Cls[] nextLoose;

        Neighbours(Cls[] initial, Cls edge) {
            int n = initial.length;
            prevStrict = new Cls[n];
            nextStrict = new Cls[n];
            prevLoose = new Cls[n];
            nextLoose = new Cls[n];
            Cls strict = edge;
            Cls loose = edge;
            for (int i = 0; i < n; i++) {
                prevStrict[i] = strict;
                prevLoose[i] = loose;
                strict = initial[i] == Cls.SHORT || initial[i] == Cls.NEAR_GOOD ? strict : initial[i];
                loose = initial[i] == Cls.SHORT ? loose : initial[i];
            }
            strict = edge;
            loose = edge;
            for (int i = n - 1; i >= 0; i--) {
                nextStrict[i] = strict;
                nextLoose[i] = loose;
                strict = initial[i] == Cls.SHORT || initial[i] == Cls.NEAR_GOOD ? strict : initial[i];
                loose = initial[i] == Cls.SHORT ? loose : initial[i];
            }
        }

        /** Before ({@code step} -1) or after (+1) block {@code i}; strict skips near-good blocks too. */
        Cls get(int i, int step, boolean strict) {
            return step < 0 ? (strict ? prevStrict[i] : prevLoose[i]) : (strict ? nextStrict[i] : nextLoose[i]);
        }
    }

    /** A heading (no certain furniture shape) right before content introduces it and is content too. */
    private static void headings(List<Block> blocks, Boilerplate[] kinds, Cls[] cls) {
        for (int i = 0; i < blocks.size(); i++) {
            if (!blocks.get(i).heading() || cls[i] == Cls.GOOD || kinds[i] != null
                    || blocks.get(i).linkDensity() > MAX_LINK_DENSITY) {
                continue;
            }
            int distance = 0;
            for (int j = i + 1; j < blocks.size() && distance <= MAX_HEADING_DISTANCE; j++) {
                if (cls[j] == Cls.GOOD) {
                    cls[i] = Cls.GOOD;
                    break;
                }
                distance += blocks.get(j).text().length();
            }
        }
    }

    /** Share of the words of {@code text} in the French or the English stop set, whichever is higher. */
    static double stopDensity(String text) {
        int words = 0;
        int french = 0;
        int english = 0;
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words++;
            String w = m.group();
            french += FRENCH.contains(w) ? 1 : 0;
            english += ENGLISH.contains(w) ? 1 : 0;
        }
        return words == 0 ? 0 : (double) Math.max(french, english) / words;
    }

    static int words(String text) {
        int n = 0;
        for (Matcher m = WORD.matcher(text); m.find(); ) {
            n++;
        }
        return n;
    }
}
