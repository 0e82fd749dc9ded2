package dev.passerelle.html;

import dev.passerelle.text.Document;
import dev.passerelle.translate.Caller;
import dev.passerelle.translate.DecodeOptions;
import dev.passerelle.translate.SentenceTranslation;
import dev.passerelle.translate.TranslationResult;
import dev.passerelle.translate.Translator;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Translates HTML as HTML: every block of text and every translatable attribute of an
 * {@link HtmlPage} in one batch, then each block's markup carried to its translation by the
 * {@link BlockPlacer}. Elements, attributes and their order stay; only text changes.
 */
public final class HtmlTranslator {

    /**
     * The translated page and its sentences: for each, {@code paragraph} is the number of its block
     * (or attribute, after the blocks) and its span is an offset into that block's text.
     */
    public record Result(String html, List<SentenceTranslation> sentences) {
    }

    private final BlockPlacer placer;

    public HtmlTranslator(SpanAligner aligner) {
        this.placer = new BlockPlacer(aligner);
    }

    /** Translates {@code page} in place with {@code translator} and returns it serialised. */
    public Result translate(HtmlPage page, Translator translator, DecodeOptions options, Caller caller) {
        List<Document> docs = new ArrayList<>();
        page.blocks.forEach(b -> docs.add(translator.segment(b.text())));
        page.attributes.forEach(a -> docs.add(translator.segment(a.value())));
        List<TranslationResult> results = translator.translateDocuments(docs, options, caller);
        List<SentenceTranslation> sentences = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            for (SentenceTranslation s : results.get(i).sentences()) {
                sentences.add(new SentenceTranslation(sentences.size(), i, s.source(), s.sourceText(), s.translation(),
                        s.score(), s.finish(), s.cached()));
            }
        }
        int blocks = page.blocks.size();
        // Attributes first: the blocks' elements are copied with their attributes when they are rebuilt.
        for (int i = 0; i < page.attributes.size(); i++) {
            HtmlPage.Attribute a = page.attributes.get(i);
            a.element().attr(a.name(), results.get(blocks + i).translation());
        }
        for (int i = 0; i < blocks; i++) {
            replace(page.blocks.get(i), docs.get(i), results.get(i));
        }
        if (page.whole) {
            page.document.selectFirst("html").attr("lang", "en");
        }
        return new Result(page.html(), sentences);
    }

    private void replace(Block block, Document doc, TranslationResult result) {
        String english = placer.place(block, doc.segments(), result.sentences());
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
    }
}
