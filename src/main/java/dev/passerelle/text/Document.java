package dev.passerelle.text;

import java.util.List;

/**
 * A text cut into segments, with what is needed to put translations back together: segments of
 * a paragraph are joined by a space, paragraphs by the line breaks that separated them.
 *
 * @param separators for each paragraph but the last, the line breaks that follow it
 */
public record Document(String text, List<Segment> segments, List<String> separators) {

    /** Number of paragraphs. */
    public int paragraphs() {
        return separators.size() + 1;
    }

    /** Joins one translation per segment into the translated document. */
    public String assemble(List<String> translations) {
        if (translations.size() != segments.size()) {
            throw new IllegalArgumentException(segments.size() + " segments but " + translations.size() + " translations");
        }
        StringBuilder out = new StringBuilder();
        int paragraph = 0;
        boolean paragraphStarted = false;
        for (int i = 0; i < segments.size(); i++) {
            int p = segments.get(i).paragraph();
            while (paragraph < p) {
                out.append(separators.get(paragraph++));
                paragraphStarted = false;
            }
            String t = translations.get(i).strip();
            if (t.isEmpty()) {
                continue;
            }
            if (paragraphStarted) {
                out.append(' ');
            }
            out.append(t);
            paragraphStarted = true;
        }
        return out.toString();
    }
}
