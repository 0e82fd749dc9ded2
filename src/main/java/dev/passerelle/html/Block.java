package dev.passerelle.html;

import java.util.List;
import org.jsoup.nodes.Node;

/**
 * A run of inline content inside a block element (a paragraph, a heading, a list item...): what is
 * translated as one text, whose sentences never cross into another block.
 *
 * @param nodes the run's nodes, consecutive children of one element
 * @param text the run's French text, HTML whitespace collapsed, leading and trailing space removed
 * @param marks the run's elements, atoms and comments, as a tree, in document order
 * @param leading the whitespace the run's first text opened with, kept as written
 * @param trailing the whitespace the run's last text closed with, kept as written
 */
record Block(List<Node> nodes, String text, List<Mark> marks, String leading, String trailing) {
}
