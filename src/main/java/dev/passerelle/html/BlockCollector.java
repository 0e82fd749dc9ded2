package dev.passerelle.html;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds the blocks of text of an HTML tree: each element's children cut into runs of text and
 * inline elements, a block element (or an inline one holding a block) ending a run. Kept elements
 * ({@link Tags#kept}) are never entered; inside a run they become atoms.
 */
final class BlockCollector {

    private final List<Block> blocks = new ArrayList<>();

    /** The blocks under {@code root}, in document order. */
    static List<Block> collect(Element root) {
        BlockCollector c = new BlockCollector();
        if (!Tags.kept(root)) {
            c.container(root);
        }
        return c.blocks;
    }

    private void container(Element e) {
        List<Node> run = new ArrayList<>();
        for (Node child : new ArrayList<>(e.childNodes())) {
            if (child instanceof Element el && !(Tags.phrasing(el) || (Tags.kept(el) && Tags.inline(el)))) {
                close(run);
                if (!Tags.kept(el)) {
                    container(el);
                }
            } else {
                run.add(child);
            }
        }
        close(run);
    }

    private void close(List<Node> run) {
        if (!run.isEmpty()) {
            Block b = block(List.copyOf(run));
            if (b.text().codePoints().anyMatch(Character::isLetter)) {
                blocks.add(b);
            }
            run.clear();
        }
    }

    private static Block block(List<Node> nodes) {
        TextBuilder text = new TextBuilder();
        List<Mark> marks = new ArrayList<>();
        for (Node n : nodes) {
            add(n, text, marks);
        }
        String built = text.finish(marks);
        return new Block(nodes, built, marks, edge(nodes.get(0), true), edge(nodes.get(nodes.size() - 1), false));
    }

    private static void add(Node n, TextBuilder text, List<Mark> into) {
        if (n instanceof TextNode t && !(n instanceof CDataNode)) {
            text.append(t.getWholeText());
        } else if (n instanceof Element e) {
            if (e.normalName().equals("wbr")) {
                // A place a long word may break, not a space: "Kazakh<wbr>stan" is one word to the model.
                Mark m = new Mark(e, true, text.length(), text.length());
                text.point(m);
                into.add(m);
            } else if (e.normalName().equals("br")) {
                int at = text.length();
                text.append(" ");
                into.add(new Mark(e, true, at, at));
            } else if (Tags.kept(e)) {
                int at = text.length();
                if (Tags.readInSentence(e)) {
                    text.append(e.wholeText());
                }
                Mark m = new Mark(e, true, at, text.length());
                text.point(m);
                into.add(m);
            } else if (!e.wholeText().codePoints().anyMatch(Character::isLetterOrDigit)) {
                // No words, but maybe spaces or punctuation that part words and sentences: read, and carried whole.
                int at = text.length();
                text.append(e.wholeText());
                Mark m = new Mark(e, true, at, text.length());
                if (!m.wraps()) {
                    text.point(m);
                }
                into.add(m);
            } else {
                Mark m = new Mark(e, false, text.length(), 0);
                e.childNodes().forEach(c -> add(c, text, m.children));
                m.end = text.length();
                into.add(m);
            }
        } else {
            Mark m = new Mark(n, true, text.length(), text.length());
            text.point(m);
            into.add(m);
        }
    }

    /** The whitespace a text node opens (or closes) the run with; empty for an element. */
    private static String edge(Node n, boolean leading) {
        if (!(n instanceof TextNode t) || n instanceof CDataNode) {
            return "";
        }
        String s = t.getWholeText();
        int i = leading ? 0 : s.length();
        if (leading) {
            while (i < s.length() && TextBuilder.space(s.charAt(i))) {
                i++;
            }
            return s.substring(0, i);
        }
        while (i > 0 && TextBuilder.space(s.charAt(i - 1))) {
            i--;
        }
        return s.substring(i);
    }
}
