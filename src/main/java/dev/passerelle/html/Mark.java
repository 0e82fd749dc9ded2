package dev.passerelle.html;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * A node inside a block of text, with its place in the block's French text and, once placed, in
 * its English text. An element around words has children; an atom (a line break, an image, a
 * comment, code, an element without text) is carried whole to one place.
 */
final class Mark {

    final Node node;
    final boolean atom;
    int start;
    int end;
    final List<Mark> children = new ArrayList<>();
    int englishStart;
    int englishEnd;
    /** Placed by its position in the sentence alone, no clue: gives way to siblings a clue placed. */
    boolean guessed;
    /** A point atom with a space before it in the French. */
    boolean spaceBefore;
    /** A point atom that had spaces on both sides in the French, which the text collapsed to one. */
    boolean spaced;

    Mark(Node node, boolean atom, int start, int end) {
        this.node = node;
        this.atom = atom;
        this.start = start;
        this.end = end;
    }

    /** Whether the mark wraps French words (as opposed to sitting at a point). */
    boolean wraps() {
        return end > start;
    }

    Element element() {
        return (Element) node;
    }
}
