package dev.passerelle.clean;

import dev.passerelle.text.Segment;

/** A segment of an article and, when it is boilerplate, which kind. */
public record Verdict(Segment segment, Boilerplate boilerplate) {

    /** Whether the segment is article content. */
    public boolean content() {
        return boilerplate == null;
    }
}
