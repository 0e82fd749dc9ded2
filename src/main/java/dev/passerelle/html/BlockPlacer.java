package dev.passerelle.html;

import dev.passerelle.text.Segment;
import dev.passerelle.text.Span;
import dev.passerelle.translate.SentenceTranslation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jsoup.nodes.Element;

/**
 * Carries a block's markup to its translation: the block's sentences are joined as the text
 * translation joins them, each mark's French range is mapped sentence by sentence with the
 * {@link SpanAligner} (a mark over several sentences runs from its place in the first to its place
 * in the last), then the ranges are made a tree again: inside their parent, in their French order,
 * never overlapping, on word boundaries. Nothing is dropped: a mark with no room left sits empty at
 * the nearest place, and atoms (line breaks, images, code, comments) always come through whole.
 */
final class BlockPlacer {

    private final SpanAligner aligner;

    BlockPlacer(SpanAligner aligner) {
        this.aligner = aligner;
    }

    /**
     * The French parts of sentences that the block's elements wrap, which the aligner is helped to
     * place by their translation alone: those over some of a sentence's words, not all of them.
     */
    static Set<String> parts(Block block, List<Segment> segments) {
        Set<String> out = new LinkedHashSet<>();
        parts(block.marks(), block.text(), segments, out);
        return out;
    }

    private static void parts(List<Mark> marks, String text, List<Segment> segments, Set<String> out) {
        for (Mark m : marks) {
            if (!m.atom && m.wraps()) {
                for (Segment s : segments) {
                    Span f = s.span();
                    int from = Math.max(m.start, f.start());
                    int to = Math.min(m.end, f.end());
                    if (from < to && hasLetter(text, from, to) && (hasLetter(text, f.start(), from) || hasLetter(text, to, f.end()))) {
                        out.add(text.substring(from, to).strip());
                    }
                }
            }
            parts(m.children, text, segments, out);
        }
    }

    private static boolean hasLetter(String text, int from, int to) {
        return text.substring(from, to).codePoints().anyMatch(Character::isLetter);
    }

    /**
     * The block's English text; each mark gets its English range.
     *
     * @param alone the translation of a French part on its own (see {@link #parts}), or null
     */
    String place(Block block, List<Segment> segments, List<SentenceTranslation> translations,
                 Function<String, String> alone) {
        StringBuilder english = new StringBuilder();
        int[] englishStart = new int[segments.size()];
        String[] texts = new String[segments.size()];
        List<Mark> kept = new ArrayList<>();
        atoms(block.marks(), kept);
        for (int i = 0; i < segments.size(); i++) {
            // A sentence that is all code stays as written: the model would only garble it beside the code itself.
            texts[i] = (onlyKept(block.text(), segments.get(i).span(), kept) ? segments.get(i).text()
                    : translations.get(i).translation()).strip();
            if (english.length() > 0 && !texts[i].isEmpty()) {
                english.append(' ');
            }
            englishStart[i] = english.length();
            english.append(texts[i]);
        }
        String e = english.toString();
        Sentences s = new Sentences(block.text(), segments, texts, englishStart, e, alone);
        map(block.marks(), s);
        List<Span> sentences = new ArrayList<>(texts.length);
        for (int i = 0; i < texts.length; i++) {
            sentences.add(new Span(englishStart[i], englishStart[i] + texts[i].length()));
        }
        settle(block.marks(), e, 0, e.length(), sentences);
        return e;
    }

    /** Whether {@code sentence} of the block stays as written: all its letters and digits are kept (code), or it has none. */
    static boolean keptAsWritten(Block block, Span sentence) {
        List<Mark> kept = new ArrayList<>();
        atoms(block.marks(), kept);
        return onlyKept(block.text(), sentence, kept);
    }

    private static void atoms(List<Mark> marks, List<Mark> into) {
        for (Mark m : marks) {
            if (m.atom && m.wraps()) {
                into.add(m);
            }
            atoms(m.children, into);
        }
    }

    /** Whether every letter and digit of {@code sentence} lies inside a kept element. */
    private static boolean onlyKept(String text, Span sentence, List<Mark> kept) {
        for (int i = sentence.start(); i < sentence.end(); i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                int at = i;
                if (kept.stream().noneMatch(m -> m.start <= at && at < m.end)) {
                    return false;
                }
            }
        }
        return true;
    }

    private record Sentences(String french, List<Segment> segments, String[] english, int[] englishStart,
                             String whole, Function<String, String> alone) {
    }

    private void map(List<Mark> marks, Sentences s) {
        String french = s.french();
        for (Mark m : marks) {
            boolean blank = trim(french.substring(m.start, m.end)).isEmpty();
            Found where = m.wraps() && !(m.atom && blank) ? found(m.start, m.end, s) : null;
            Span range = where == null ? null : where.span;
            m.guessed = where != null && !where.sure;
            if (range != null && m.atom && !LexicalAligner.fold(range.of(s.whole()))
                    .equals(LexicalAligner.fold(french.substring(m.start, m.end).strip()))) {
                range = null; // code is placed only where the translation repeats it; elsewhere it would eat a word
            }
            if (range == null) {
                range = m.atom && m.node instanceof Element e && Tags.marker(e) ? afterWord(m, s) : null;
            }
            if (range == null) {
                range = atPoint(m, s);
            }
            if (m.atom && m.wraps() && (m.start == 0 || french.charAt(m.start - 1) == ' ')
                    && m.end < french.length() && french.charAt(m.end) == ' ') {
                m.spaced = true;
            }
            m.englishStart = range.start();
            m.englishEnd = range.end();
            map(m.children, s);
        }
    }

    /** Where a footnote call goes: right after the English of the French word it follows. */
    private Span afterWord(Mark m, Sentences s) {
        int from = m.start;
        while (from > 0 && !Character.isWhitespace(s.french().charAt(from - 1))) {
            from--;
        }
        Span word = from < m.start ? range(from, m.start, s) : null;
        return word == null || word.end() <= word.start() ? null : new Span(word.end(), word.end());
    }

    /** An atom with no words of its own (or none the English repeats), at the nearest place its point maps to. */
    private static Span atPoint(Mark m, Sentences s) {
        int at = point(m.start, s);
        String english = s.whole();
        String own = trim(s.french().substring(m.start, m.end));
        if (m.wraps() && own.isEmpty()) {
            // Only spaces ("Le<span> </span>président"): they stand for the English space there.
            if (at < english.length() && Character.isWhitespace(english.charAt(at))) {
                return new Span(at, at + 1);
            }
            if (at > 0 && Character.isWhitespace(english.charAt(at - 1))) {
                return new Span(at - 1, at);
            }
            return new Span(at, at);
        }
        if (m.start > 0 && Character.isWhitespace(s.french().charAt(m.start - 1)) && at < english.length()
                && Character.isWhitespace(english.charAt(at))) {
            at++; // after a space in French, after the space in English: "president <img> arrived"
        }
        // Punctuation the translation writes at this place too ("Astana<b>.</b>", "much<a>&nbsp;!</a>") is the atom's own: not twice.
        boolean punctuation = !own.isEmpty() && own.codePoints().noneMatch(Character::isLetterOrDigit);
        int end = punctuation && english.startsWith(own, at) ? at + own.length() : at;
        return new Span(at, end);
    }

    /** {@code text} without spaces at its ends, the no-break ones French puts before punctuation included. */
    private static String trim(String text) {
        int from = 0;
        int to = text.length();
        while (from < to && (Character.isWhitespace(text.charAt(from)) || Character.isSpaceChar(text.charAt(from)))) {
            from++;
        }
        while (to > from && (Character.isWhitespace(text.charAt(to - 1)) || Character.isSpaceChar(text.charAt(to - 1)))) {
            to--;
        }
        return text.substring(from, to);
    }

    /** The English range of French {@code [from, to)}, or null when it holds no sentence text. */
    private Span range(int from, int to, Sentences s) {
        Found f = found(from, to, s);
        return f == null ? null : f.span;
    }

    /** A range, and whether a clue found it (not the position alone). */
    private record Found(Span span, boolean sure) {
    }

    private Found found(int from, int to, Sentences s) {
        int first = -1;
        int last = -1;
        for (int k = 0; k < s.segments().size(); k++) {
            Span f = s.segments().get(k).span();
            if (f.start() < to && from < f.end()) {
                first = first < 0 ? k : first;
                last = k;
            }
        }
        if (first < 0) {
            return null;
        }
        Found a = local(from, to, first, s);
        Found b = first == last ? a : local(from, to, last, s);
        return new Found(new Span(a.span.start(), Math.max(a.span.start(), b.span.end())), a.sure && b.sure);
    }

    /** The aligned part of French {@code [from, to)} inside sentence {@code k}, in block offsets. */
    private Found local(int from, int to, int k, Sentences s) {
        Span f = s.segments().get(k).span();
        Span part = new Span(Math.max(from, f.start()) - f.start(), Math.min(to, f.end()) - f.start());
        String sentence = f.of(s.french());
        String alone = s.alone().apply(part.of(sentence).strip());
        Span sure = aligner.find(sentence, part, s.english()[k], alone);
        Span span = sure != null ? sure : aligner.align(sentence, part, s.english()[k], alone);
        return new Found(span.shift(s.englishStart()[k]), sure != null);
    }

    /** Where a point of the French text falls in the English: between sentences at their seam, inside one by proportion. */
    private static int point(int at, Sentences s) {
        int n = s.segments().size();
        for (int k = 0; k < n; k++) {
            Span f = s.segments().get(k).span();
            if (at <= f.start()) {
                if (k > 0 && at > 0 && !Character.isWhitespace(s.french().charAt(at - 1))) {
                    return s.englishStart()[k - 1] + s.english()[k - 1].length(); // glued to the sentence before
                }
                return s.englishStart()[k];
            }
            if (at < f.end()) {
                String e = s.english()[k];
                return s.englishStart()[k] + LexicalAligner.snap(e, WordSpans.of(e), (double) (at - f.start()) / f.length());
            }
        }
        return n == 0 ? 0 : s.englishStart()[n - 1] + s.english()[n - 1].length();
    }

    /**
     * Puts marks in their parent's range, in French order, not overlapping, trimmed of spaces. A
     * mark squeezed empty by the order (the English put its words earlier) takes the next free word
     * of its own sentence, never one of the next sentence; else it stays empty where it is.
     */
    private static void settle(List<Mark> marks, String english, int lo, int hi, List<Span> sentences) {
        giveWay(marks);
        int previous = lo;
        for (int i = 0; i < marks.size(); i++) {
            Mark m = marks.get(i);
            int start = Math.min(hi, Math.max(previous, m.englishStart));
            int end = Math.min(hi, Math.max(start, m.englishEnd));
            if (m.wraps() && !m.atom && end == start) {
                int own = sentences.stream().filter(x -> x.start() <= m.englishStart && m.englishStart <= x.end())
                        .mapToInt(Span::end).findFirst().orElse(hi);
                // Not past a later sibling's found words: French order puts this mark before them.
                int before = marks.subList(i + 1, marks.size()).stream().filter(BlockPlacer::claims)
                        .mapToInt(l -> l.englishStart).min().orElse(hi);
                Span next = nextWord(english, start, Math.min(Math.min(hi, before), Math.max(start, own)),
                        marks.subList(i + 1, marks.size()));
                if (next != null) {
                    start = next.start();
                    end = next.end();
                }
            }
            if (!m.atom) { // an atom's spaces are its own: a space-only element stands for the English space
                while (start < end && Character.isWhitespace(english.charAt(start))) {
                    start++;
                }
                while (end > start && Character.isWhitespace(english.charAt(end - 1))) {
                    end--;
                }
            }
            m.englishStart = start;
            m.englishEnd = end;
            settle(m.children, english, start, end, sentences);
            previous = end;
        }
    }

    /**
     * A mark placed by position alone leaves out the words a later sibling was found on by a clue:
     * "<b>est</b> <a>arrivé</a>" gives "arrived" to the link, not to the bold French word that has no English.
     */
    private static void giveWay(List<Mark> marks) {
        for (int i = 0; i < marks.size(); i++) {
            Mark m = marks.get(i);
            if (!m.guessed) {
                continue;
            }
            for (Mark l : marks.subList(i + 1, marks.size())) {
                if (claims(l) && l.englishStart < m.englishEnd && m.englishStart < l.englishEnd) {
                    // French order puts m before l: it keeps what comes before l's words, or sits empty just before them.
                    m.englishStart = Math.min(m.englishStart, l.englishStart);
                    m.englishEnd = l.englishStart;
                }
            }
        }
    }

    /** Whether {@code m} holds words a clue found for it. */
    private static boolean claims(Mark m) {
        return m.wraps() && !m.atom && !m.guessed && m.englishEnd > m.englishStart;
    }

    /** The first word in {@code [from, hi)} that none of the {@code later} marks was found on: taking it would push them off. */
    private static Span nextWord(String english, int from, int hi, List<Mark> later) {
        for (Span w : WordSpans.of(english)) {
            if (w.start() >= from && w.end() <= hi && later.stream().noneMatch(
                    l -> claims(l) && l.englishStart < w.end() && w.start() < l.englishEnd)) {
                return w;
            }
        }
        return null;
    }

    /** The nodes of {@code [from, to)} of the English text with {@code marks} in place. */
    static List<org.jsoup.nodes.Node> build(String english, int from, int to, List<Mark> marks) {
        List<org.jsoup.nodes.Node> out = new ArrayList<>();
        int pos = from;
        for (Mark m : marks) {
            if (m.englishStart > pos) {
                out.add(new org.jsoup.nodes.TextNode(english.substring(pos, m.englishStart)));
                pos = m.englishStart;
            }
            if (m.atom) {
                boolean point = m.englishStart == m.englishEnd;
                if (point && m.spaceBefore && m.englishStart > from
                        && !Character.isWhitespace(english.charAt(m.englishStart - 1))) {
                    out.add(new org.jsoup.nodes.TextNode(" ")); // "Astana <img>." as the French had it
                }
                out.add(m.node);
                if (m.spaced && m.englishEnd < to
                        && (m.englishEnd == 0 || Character.isWhitespace(english.charAt(m.englishEnd - 1)))
                        && !Character.isWhitespace(english.charAt(m.englishEnd))) {
                    out.add(new org.jsoup.nodes.TextNode(" ")); // "president <img> arrived", not "<img>arrived"
                }
            } else {
                org.jsoup.nodes.Element copy = m.element().shallowClone();
                copy.appendChildren(build(english, m.englishStart, m.englishEnd, m.children));
                out.add(copy);
            }
            pos = Math.max(pos, m.englishEnd);
        }
        if (pos < to) {
            out.add(new org.jsoup.nodes.TextNode(english.substring(pos, to)));
        }
        return out;
    }
}
