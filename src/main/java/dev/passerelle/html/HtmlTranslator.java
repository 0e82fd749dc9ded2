package dev.passerelle.html;

import dev.passerelle.glossary.Glossary;
import dev.passerelle.glossary.GlossaryEntry;
import dev.passerelle.text.Document;
import dev.passerelle.translate.Caller;
import dev.passerelle.translate.DecodeOptions;
import dev.passerelle.translate.FinishReason;
import dev.passerelle.translate.SentenceTranslation;
import dev.passerelle.translate.TranslationResult;
import dev.passerelle.translate.Translator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Translates HTML as HTML: every block of text and every translatable attribute of an
 * {@link HtmlPage}, then each block's markup carried to its translation by the
 * {@link BlockPlacer}. Elements, attributes and their order stay; only text changes.
 */
public final class HtmlTranslator {

    /**
     * The translated page and its sentences: for each, {@code paragraph} is the number of its block
     * (or attribute, after the blocks) and its span is an offset into that block's text.
     */
    public record Result(String html, List<SentenceTranslation> sentences) {
    }

    /** Told of each block as soon as it is translated, in document order. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param index the block's number (the {@code paragraph} of its sentences)
         * @param html the block's translated inline HTML, which replaces its French content
         * @param place where that French content is in the input
         * @param sentences the block's sentences
         */
        void block(int index, String html, Place place, List<SentenceTranslation> sentences);
    }

    /**
     * Where a block's content sits in the French input: child nodes {@code [from, to)} of the
     * element {@code parent} (a CSS selector; in a fragment, from {@code html > body}).
     */
    public record Place(String parent, int from, int to) {
    }

    /** Mean log-probability below which the page marks a sentence doubtful; a part's translation is not used then. */
    static final double DOUBTFUL = -1.0;

    private final BlockPlacer placer;

    public HtmlTranslator(SpanAligner aligner) {
        this.placer = new BlockPlacer(aligner);
    }

    /** Translates {@code page} in place with {@code translator}, all of it in one batch, and returns it serialised. */
    public Result translate(HtmlPage page, Translator translator, DecodeOptions options, Caller caller) {
        return translate(page, translator, options, Integer.MAX_VALUE, caller, SILENT, Glossary.EMPTY);
    }

    /** As {@link #translate(HtmlPage, Translator, DecodeOptions, Caller)}, under {@code glossary}. */
    public Result translate(HtmlPage page, Translator translator, DecodeOptions options, Caller caller, Glossary glossary) {
        return translate(page, translator, options, Integer.MAX_VALUE, caller, SILENT, glossary);
    }

    /** No one listening: blocks are not serialised apart nor located. */
    private static final Progress SILENT = (i, html, place, s) -> { };

    /**
     * Translates {@code page} in place, about {@code chunk} sentences per batch in document order
     * (attributes with the first), telling {@code progress} of each block as its batch completes.
     * Every batch counts against the one deadline of {@code caller}.
     */
    public Result translate(HtmlPage page, Translator translator, DecodeOptions options, int chunk, Caller caller,
                            Progress progress) {
        return translate(page, translator, options, chunk, caller, progress, Glossary.EMPTY);
    }

    /** As {@link #translate(HtmlPage, Translator, DecodeOptions, int, Caller, Progress)}, under {@code glossary}. */
    public Result translate(HtmlPage page, Translator translator, DecodeOptions options, int chunk, Caller caller,
                            Progress progress, Glossary requested) {
        int blocks = page.blocks.size();
        Glossary glossary = requested.plus(keptNames(page));
        // Located before any block is replaced: the places are the French input's.
        List<Place> places = progress == SILENT ? List.of() : page.blocks.stream().map(b -> {
            Node first = b.nodes().get(0);
            return new Place(((Element) first.parent()).cssSelector(), first.siblingIndex(),
                    first.siblingIndex() + b.nodes().size());
        }).toList();
        List<Document> docs = new ArrayList<>();
        page.blocks.forEach(b -> docs.add(translator.segment(b.text())));
        page.attributes.forEach(a -> docs.add(translator.segment(a.value())));
        // Numbered as the answer lists them: blocks in order, then attributes.
        int[] first = new int[docs.size() + 1];
        for (int i = 0; i < docs.size(); i++) {
            first[i + 1] = first[i] + docs.get(i).segments().size();
        }
        SentenceTranslation[] sentences = new SentenceTranslation[first[docs.size()]];
        List<Integer> batch = new ArrayList<>(page.attributes.size());
        for (int i = blocks; i < docs.size(); i++) {
            batch.add(i); // attributes first: rebuilt blocks copy their elements' attributes
        }
        int next = 0;
        do {
            int size = 0;
            while (next < blocks && (size == 0 || size + docs.get(next).segments().size() <= chunk)) {
                size += docs.get(next).segments().size();
                batch.add(next++);
            }
            // The wrapped parts go in the same batch, translated alone: where each one's translation
            // stands in its sentence's is the aligner's best clue for words not spelt alike. Each
            // block's parts are chosen by that block alone, so its answer does not depend on its batch.
            Map<Integer, List<String>> ownParts = new HashMap<>();
            Set<String> parts = new LinkedHashSet<>();
            for (int d : batch) {
                if (d < blocks) {
                    Block b = page.blocks.get(d);
                    List<String> own = budgeted(BlockPlacer.parts(b, docs.get(d).segments()), b.text().length());
                    ownParts.put(d, own);
                    parts.addAll(own);
                }
            }
            List<String> partList = List.copyOf(parts);
            List<Document> work = new ArrayList<>(batch.stream().map(docs::get).toList());
            partList.forEach(p -> work.add(translator.segment(p)));
            List<TranslationResult> results = translator.translateDocuments(work, options, caller, glossary);
            Map<String, String> alone = new HashMap<>();
            for (int j = 0; j < partList.size(); j++) {
                TranslationResult r = results.get(batch.size() + j);
                if (usable(r)) {
                    alone.put(partList.get(j), r.translation());
                }
            }
            for (int j = 0; j < batch.size(); j++) {
                int doc = batch.get(j);
                List<SentenceTranslation> own = numbered(results.get(j).sentences(), doc, first[doc]);
                if (doc < blocks) {
                    Block b = page.blocks.get(doc);
                    // A sentence of code or punctuation only stays as written in the HTML: say so here too.
                    own = own.stream().map(t -> BlockPlacer.keptAsWritten(b, t.source()) ? asWritten(t) : t).toList();
                }
                own.forEach(s -> sentences[s.index()] = s);
                if (doc >= blocks) {
                    HtmlPage.Attribute a = page.attributes.get(doc - blocks);
                    a.element().attr(a.name(), results.get(j).translation());
                } else {
                    List<String> mine = ownParts.get(doc);
                    List<Node> nodes = replace(page.blocks.get(doc), docs.get(doc), own,
                            p -> mine.contains(p) ? alone.get(p) : null);
                    if (progress != SILENT) {
                        progress.block(doc, nodes.stream().map(Node::outerHtml).collect(Collectors.joining()),
                                places.get(doc), own);
                    }
                }
            }
            batch.clear();
        } while (next < blocks);
        page.markEnglish();
        return new Result(page.html(), List.of(sentences));
    }

    /**
     * Words the author marked not to translate inside sentences ({@code <span translate="no">Marie</span>}):
     * kept as written in the English by the glossary's constrained search, so each is found there
     * and its element placed on it.
     */
    static Glossary keptNames(HtmlPage page) {
        Set<String> names = new LinkedHashSet<>();
        page.blocks.forEach(b -> optedOut(b.marks(), names));
        List<GlossaryEntry> entries = new ArrayList<>();
        for (String n : names) {
            if (n.length() <= GlossaryEntry.MAX_LENGTH && n.codePoints().anyMatch(Character::isLetterOrDigit)) {
                entries.add(GlossaryEntry.keep(n));
            }
        }
        return new Glossary(entries);
    }

    private static void optedOut(List<Mark> marks, Set<String> into) {
        for (Mark m : marks) {
            if (m.atom && m.node instanceof Element e && Tags.optedOut(e) && Tags.readInSentence(e)) {
                into.add(e.text().strip());
            }
            optedOut(m.children, into);
        }
    }

    /**
     * The parts worth translating alone, in document order, while their text stays within the
     * block's own: markup can at most double the model's work (a word-by-word marked page would
     * otherwise cost a translation per word). Parts left out are placed without that clue.
     */
    private static List<String> budgeted(Set<String> parts, int budget) {
        List<String> out = new ArrayList<>();
        int used = 0;
        for (String p : parts) {
            if (used + p.length() > budget) {
                break;
            }
            used += p.length();
            out.add(p);
        }
        return out;
    }

    /** Whether a part's translation is worth looking for: finished, and not one the model was unsure of (the page's mark). */
    public static boolean usable(TranslationResult part) {
        return part.sentences().stream().allMatch(s -> s.finish() == FinishReason.EOS && s.score() >= DOUBTFUL);
    }

    private static SentenceTranslation asWritten(SentenceTranslation t) {
        return new SentenceTranslation(t.index(), t.paragraph(), t.source(), t.sourceText(), t.sourceText(), 0.0,
                FinishReason.PASSTHROUGH, false);
    }

    /**
     * An English page as its own translation: {@code input} unchanged, its sentences numbered and
     * placed as {@link #translate} places them (by block, then attribute; spans in its text).
     */
    public static Result passThrough(HtmlPage page, String input, Translator translator) {
        List<SentenceTranslation> out = new ArrayList<>();
        List<String> texts = new ArrayList<>(page.blocks.stream().map(Block::text).toList());
        page.attributes.forEach(a -> texts.add(a.value()));
        for (int d = 0; d < texts.size(); d++) {
            List<SentenceTranslation> own = translator.segment(texts.get(d)).segments().stream()
                    .map(SentenceTranslation::passthrough).toList();
            out.addAll(numbered(own, d, out.size()));
        }
        return new Result(input, out);
    }

    private static List<SentenceTranslation> numbered(List<SentenceTranslation> own, int paragraph, int from) {
        List<SentenceTranslation> out = new ArrayList<>(own.size());
        for (SentenceTranslation s : own) {
            out.add(s.renumbered(from + out.size(), paragraph));
        }
        return out;
    }

    /** Puts the block's translation, its markup placed, where its French nodes were; returns the new nodes. */
    private List<Node> replace(Block block, Document doc, List<SentenceTranslation> sentences,
                               Function<String, String> alone) {
        String english = placer.place(block, doc.segments(), sentences, alone);
        List<Node> nodes = new ArrayList<>();
        if (!block.leading().isEmpty()) {
            nodes.add(new TextNode(block.leading()));
        }
        nodes.addAll(BlockPlacer.build(english, 0, english.length(), block.marks()));
        if (!block.trailing().isEmpty()) {
            nodes.add(new TextNode(block.trailing()));
        }
        Node first = block.nodes().get(0);
        Element parent = (Element) first.parent();
        int at = first.siblingIndex();
        block.nodes().forEach(Node::remove);
        parent.insertChildren(at, nodes);
        return nodes;
    }
}
