package dev.passerelle.evaluate;

/**
 * One article of an OrangeSum-style corpus.
 *
 * @param heading the abstract its journalist wrote, the reference summary
 * @param article the body, without the abstract
 */
public record NewsArticle(String id, String title, String heading, String article) {
}
