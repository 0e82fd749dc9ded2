package dev.passerelle.html;

import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/** Which elements flow inside a sentence, which hold blocks of text, and which are never translated. */
final class Tags {

    /** Phrasing elements: they may sit inside a sentence, so a block's sentences run across them. */
    private static final Set<String> INLINE = Set.of("a", "abbr", "acronym", "b", "bdi", "bdo", "big", "br", "cite",
            "code", "data", "del", "dfn", "em", "font", "i", "img", "ins", "kbd", "label", "mark", "nobr", "q", "s",
            "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
            // embedded content that sits in a line of text (an icon, a formula, a picture): kept whole
            "svg", "math", "picture", "source", "video", "audio", "iframe", "canvas", "object", "embed",
            "ruby", "rt", "rp", "output", "meter", "progress");
    /** Elements whose content stays as written: code, machine output, scripts, embedded documents. */
    private static final Set<String> KEPT = Set.of("pre", "code", "kbd", "samp", "var", "script", "style", "textarea",
            "svg", "math", "template", "noscript", "iframe", "object", "canvas", "audio", "video", "head",
            "listing", "plaintext", "xmp",
            // ruby annotates a word of another script with its reading: neither is French to translate
            "ruby");
    /** Kept elements whose text a reader sees inside a sentence (the model reads it to place it). */
    private static final Set<String> VISIBLE_KEPT = Set.of("code", "kbd", "samp", "var");

    private Tags() {
    }

    static boolean inline(Element e) {
        return INLINE.contains(e.normalName());
    }

    /** Raised or lowered text that says no word: footnote calls, exponents, indices. */
    private static final Set<String> MARKERS = Set.of("sup", "sub");
    /** A footnote call in brackets, letters or not: "[a]", "(iv)", "[note 2]". */
    private static final java.util.regex.Pattern FOOTNOTE_CALL = java.util.regex.Pattern.compile("[\\[(][^\\[\\]()]{1,8}[\\])]");

    /**
     * Whether {@code e} and everything in it stay untranslated: a kept tag, {@code translate="no"},
     * {@code notranslate}, or a {@link #marker}.
     */
    static boolean kept(Element e) {
        return KEPT.contains(e.normalName()) || optedOut(e) || marker(e);
    }

    /** Whether the author said not to translate {@code e}: {@code translate="no"} or the class {@code notranslate}. */
    static boolean optedOut(Element e) {
        return e.attr("translate").trim().equalsIgnoreCase("no") || e.hasClass("notranslate");
    }

    /**
     * A footnote call or exponent: {@code sup}/{@code sub} without letters, glued to what precedes it
     * ({@code Astana<sup>1</sup>}, {@code m<sup>2</sup>}, {@code <sup><a href="#n2">[2]</a></sup>}). The
     * model would drop or garble it; it stays as written after the word it follows. A number standing
     * apart ({@code en <sup>2001</sup>}) is words, and is read.
     */
    static boolean marker(Element e) {
        if (!MARKERS.contains(e.normalName())) {
            return false;
        }
        String call = e.text().strip();
        if (call.codePoints().anyMatch(Character::isLetter) && !FOOTNOTE_CALL.matcher(call).matches()) {
            return false; // "XIX<sup>e</sup>", "1<sup>er</sup>": part of the word, read with it
        }
        Node before = e.previousSibling();
        if (before instanceof TextNode t) {
            String text = t.getWholeText();
            return !text.isEmpty() && !Character.isWhitespace(text.charAt(text.length() - 1));
        }
        return before instanceof Element;
    }

    /** Whether a kept inline element's text is part of the sentence around it. */
    static boolean readInSentence(Element e) {
        // A name marked not to translate is still a word of its sentence: the model reads it, so the
        // English has a place for it (where the translation repeats it) instead of a guess.
        return VISIBLE_KEPT.contains(e.normalName()) || optedOut(e) && inline(e) && !KEPT.contains(e.normalName());
    }

    /** An inline element that holds only inline content, so it can sit inside a sentence. */
    static boolean phrasing(Element e) {
        if (!inline(e)) {
            return false;
        }
        if (kept(e)) {
            return true; // never entered: what is inside (an SVG's paths) does not matter
        }
        for (Element child : e.children()) {
            if (!phrasing(child)) {
                return false;
            }
        }
        return true;
    }
}
