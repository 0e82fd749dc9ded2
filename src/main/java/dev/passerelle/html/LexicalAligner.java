package dev.passerelle.html;

import dev.passerelle.text.Span;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Places French words in their sentence's translation by their letters. The whole sentence maps to
 * the whole translation; otherwise the {@link Clue}s are tried in order: words the translation
 * repeats as written (names, numbers, "Astana", "OCS"); the part's own translation, found in the
 * sentence's; words the translation spells alike (the cognates that make much of news vocabulary:
 * "président" and "president", "stratégique" and "strategic"), by the similarity of their letter
 * pairs. Anything else goes to the same relative place in the translation, on word boundaries.
 * The default order is the one that placed most parts exactly on the alignment gold set
 * ({@code align-eval}, README "HTML in, HTML out").
 */
public final class LexicalAligner implements SpanAligner {

    /** One way of finding a part in the translation. */
    public enum Clue {
        /** The part's words, as written or with case and accents folded, on word boundaries. */
        VERBATIM,
        /** The part's own translation, as written, folded, then by letter pairs. */
        ALONE,
        /** Words spelt alike: letter-pair similarity of at least {@link #COGNATE}. */
        COGNATE
    }

    /** The order measured best on the gold set. */
    public static final List<Clue> DEFAULT = List.of(Clue.VERBATIM, Clue.ALONE, Clue.COGNATE);

    private final List<Clue> clues;

    public LexicalAligner() {
        this(DEFAULT);
    }

    /** An aligner trying {@code clues} in this order (none: by position alone). */
    public LexicalAligner(List<Clue> clues) {
        this.clues = List.copyOf(clues);
    }

    /** Letter-pair similarity (Dice) from which two spellings are taken for the same word. */
    static final double COGNATE = 0.5;
    /** Longer parts are placed by position: their letters say little about one window. */
    private static final int MAX_COGNATE_WORDS = 12;

    @Override
    public Span align(String french, Span part, String english, String alone) {
        Span found = find(french, part, english, alone);
        return found != null ? found : proportional(french, part, english, WordSpans.of(english));
    }

    @Override
    public Span find(String french, Span part, String english, String alone) {
        List<Span> ew = WordSpans.of(english);
        if (ew.isEmpty()) {
            return new Span(0, english.length());
        }
        List<Span> fw = WordSpans.of(french);
        List<Span> inside = fw.stream().filter(w -> w.end() > part.start() && w.start() < part.end()).toList();
        double at = french.isEmpty() ? 0 : (double) part.start() / french.length();
        if (inside.isEmpty()) {
            int point = snap(english, ew, at);
            return new Span(point, point);
        }
        if (inside.size() == fw.size()) {
            return whole(french, part, english, ew);
        }
        String words = french.substring(inside.get(0).start(), inside.get(inside.size() - 1).end());
        for (Clue clue : clues) {
            Span found = switch (clue) {
                case VERBATIM -> verbatim(words, english, ew, at);
                case ALONE -> alone == null ? null : located(alone, inside.size(), english, ew, at);
                case COGNATE -> inside.size() <= MAX_COGNATE_WORDS ? cognate(words, inside.size(), english, ew, at) : null;
            };
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Where the part's own translation stands in the sentence's: as written or folded, else the window most alike. */
    private static Span located(String alone, int count, String english, List<Span> ew, double at) {
        List<Span> words = WordSpans.of(alone);
        if (words.isEmpty() || words.size() > 2 * count + 2) {
            return null; // a fragment come back as a whole sentence says more than its words: no clue to them
        }
        // Alone, a part comes back as a sentence: capitalised, with a full stop.
        String core = alone.substring(words.get(0).start(), words.get(words.size() - 1).end());
        Span found = verbatim(core, english, ew, at);
        if (found == null && words.size() <= MAX_COGNATE_WORDS) {
            found = cognate(core, words.size(), english, ew, at);
        }
        // Only some of the French words cannot be all of the English ones: the part came back as the whole sentence.
        boolean all = found != null && found.start() <= ew.get(0).start() && found.end() >= ew.get(ew.size() - 1).end();
        return all ? null : found;
    }

    /** The whole translation, its opening and closing punctuation included when the part includes the French ones. */
    private static Span whole(String french, Span part, String english, List<Span> ew) {
        String lead = french.substring(0, part.start());
        String tail = french.substring(part.end());
        int start = lead.isBlank() ? leadingSpace(english) : ew.get(0).start();
        int end = tail.isBlank() ? english.stripTrailing().length() : ew.get(ew.size() - 1).end();
        return new Span(start, Math.max(start, end));
    }

    private static int leadingSpace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The occurrence of {@code words} on word boundaries nearest the expected place: as written, then ignoring case and accents. */
    private static Span verbatim(String words, String english, List<Span> ew, double at) {
        for (boolean folded : new boolean[] {false, true}) {
            String needle = folded ? fold(words) : words;
            String hay = folded ? fold(english) : english;
            if (hay.length() != english.length() || needle.isEmpty()) {
                continue; // folding changed the lengths: offsets would not map back
            }
            Span best = null;
            for (int i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
                Span s = new Span(i, i + needle.length());
                if (onBoundaries(english, s) && (best == null || distance(s, english, at) < distance(best, english, at))) {
                    best = s;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return null;
    }

    /** The window of about as many English words whose letter pairs best match the French part's. */
    private static Span cognate(String words, int count, String english, List<Span> ew, double at) {
        Map<String, Integer> target = bigrams(fold(words));
        Span best = null;
        double bestScore = COGNATE;
        for (int n = Math.max(1, count - 1); n <= count + 1; n++) {
            for (int i = 0; i + n <= ew.size(); i++) {
                Span s = new Span(ew.get(i).start(), ew.get(i + n - 1).end());
                double score = dice(target, bigrams(fold(s.of(english)))) - 0.05 * distance(s, english, at);
                if (score > bestScore) {
                    best = s;
                    bestScore = score;
                }
            }
        }
        return best;
    }

    /** The same relative place and length, widened to whole words; at least one word. */
    private static Span proportional(String french, Span part, String english, List<Span> ew) {
        double scale = (double) english.length() / Math.max(1, french.length());
        int from = (int) Math.round(part.start() * scale);
        int to = (int) Math.round(part.end() * scale);
        List<Span> covered = ew.stream().filter(w -> w.end() > from && w.start() < to).toList();
        if (covered.isEmpty()) {
            int point = snap(english, ew, (double) part.start() / Math.max(1, french.length()));
            return ew.stream().filter(w -> w.start() >= point).findFirst().orElse(ew.get(ew.size() - 1));
        }
        return new Span(covered.get(0).start(), covered.get(covered.size() - 1).end());
    }

    /** The word boundary nearest the relative place {@code at} (0 to 1). */
    static int snap(String english, List<Span> ew, double at) {
        int target = (int) Math.round(at * english.length());
        int best = 0;
        for (Span w : ew) {
            for (int b : new int[] {w.start(), w.end()}) {
                if (Math.abs(b - target) < Math.abs(best - target)) {
                    best = b;
                }
            }
        }
        return best;
    }

    private static boolean onBoundaries(String text, Span s) {
        return (s.start() == 0 || !Character.isLetterOrDigit(text.charAt(s.start() - 1)))
                && (s.end() == text.length() || !Character.isLetterOrDigit(text.charAt(s.end())));
    }

    private static double distance(Span s, String english, double at) {
        return Math.abs((double) s.start() / Math.max(1, english.length()) - at);
    }

    /** Lower case without accents, one character for one: "Élysée" and "elysee" fold alike. */
    static String fold(String s) {
        String stripped = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return stripped.toLowerCase(Locale.ROOT);
    }

    private static Map<String, Integer> bigrams(String s) {
        Map<String, Integer> out = new HashMap<>();
        String letters = s.replaceAll("[^\\p{L}\\p{N}]", "");
        for (int i = 0; i + 2 <= letters.length(); i++) {
            out.merge(letters.substring(i, i + 2), 1, Integer::sum);
        }
        return out;
    }

    private static double dice(Map<String, Integer> a, Map<String, Integer> b) {
        int total = a.values().stream().mapToInt(Integer::intValue).sum() + b.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            return 0;
        }
        int shared = 0;
        for (Map.Entry<String, Integer> e : a.entrySet()) {
            shared += Math.min(e.getValue(), b.getOrDefault(e.getKey(), 0));
        }
        return 2.0 * shared / total;
    }
}
