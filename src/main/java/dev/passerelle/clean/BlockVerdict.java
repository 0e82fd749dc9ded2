package dev.passerelle.clean;

/**
 * A block and what the classifier made of it: {@code kind} is null for content, and {@code text} is
 * the content to keep (the block's text without an agency dateline prefix such as "PARIS (AFP) - ").
 */
public record BlockVerdict(Block block, String text, Boilerplate kind) {

    /** Whether the block is article content. */
    public boolean content() {
        return kind == null;
    }
}
