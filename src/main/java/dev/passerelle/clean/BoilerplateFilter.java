package dev.passerelle.clean;

import dev.passerelle.text.Document;
import dev.passerelle.text.Segment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells article content from the furniture that scraping leaves in a text (captions and credits,
 * bylines, "publié le" stamps, further-reading lines, comment counters, prompts, bare URLs, tiny
 * fragments). Each paragraph (a line) is a block for the {@link BlockClassifier}, which weighs its
 * length, stop words and neighbours; within the paragraphs it keeps, a sentence that is certainly
 * furniture by its shape, or too short to be a sentence, is set aside too.
 */
public final class BoilerplateFilter {

    /** A sentence needs at least this many words to be content. */
    static final int MIN_WORDS = BlockClassifier.MIN_WORDS;

    // A text runs from edge to edge: its first and last short lines lean on nothing (jusText).
    private final BlockClassifier classifier = new BlockClassifier(true);

    /** One verdict per segment of {@code doc}, in order. */
    public List<Verdict> classify(Document doc) {
        // A paragraph runs from its first segment's start to its last segment's end.
        Map<Integer, int[]> extents = new LinkedHashMap<>();
        for (Segment s : doc.segments()) {
            extents.computeIfAbsent(s.paragraph(), p -> new int[] {s.span().start(), 0})[1] = s.span().end();
        }
        List<Block> blocks = new ArrayList<>(extents.size());
        extents.values().forEach(e -> blocks.add(Block.line(doc.text().substring(e[0], e[1]))));
        List<BlockVerdict> verdicts = classifier.classify(blocks);
        // A text without any prose (a list, a table of short lines) is not an article with furniture
        // around it: then only the certain shapes decide, for paragraphs and sentences alike.
        boolean prose = verdicts.stream().anyMatch(BlockVerdict::content);
        Map<Integer, Boilerplate> paragraphs = new LinkedHashMap<>();
        int i = 0;
        for (Integer p : extents.keySet()) {
            paragraphs.put(p, prose ? verdicts.get(i).kind() : BlockRules.match(blocks.get(i).text()));
            i++;
        }
        List<Verdict> out = new ArrayList<>(doc.segments().size());
        for (Segment s : doc.segments()) {
            Boilerplate b = paragraphs.get(s.paragraph());
            out.add(new Verdict(s, b != null ? b : sentenceRule(s.text())));
        }
        return out;
    }

    /** The content segments of {@code doc}. */
    public List<Segment> content(Document doc) {
        return classify(doc).stream().filter(Verdict::content).map(Verdict::segment).toList();
    }

    /** A sentence of a content paragraph: furniture when its shape says so or when it is a mere fragment. */
    static Boilerplate sentenceRule(String sentence) {
        String s = sentence.strip();
        Boilerplate shape = BlockRules.match(s);
        if (shape != null) {
            return shape;
        }
        return BlockClassifier.words(s) < MIN_WORDS ? Boilerplate.FRAGMENT : null;
    }
}
