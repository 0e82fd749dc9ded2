package dev.passerelle.clean;

import java.util.List;

/** The readable part of a page: its headline (may be empty) and its body, one paragraph per line. */
public record Article(String title, String body) {

    /** Headline and body as one text, headline first, for translation. */
    public String withTitle() {
        return title.isEmpty() ? body : body.isEmpty() ? title : title + "\n\n" + body;
    }

    /** The body's paragraphs, in order. */
    public List<String> paragraphs() {
        return body.isEmpty() ? List.of() : List.of(body.split("\n"));
    }
}
