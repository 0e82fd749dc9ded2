package dev.passerelle.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a text into paragraphs (at line breaks), paragraphs into sentences, and over-long
 * sentences into clauses; every segment keeps its span in the original text.
 */
public final class DocumentSplitter {

    private static final Pattern LINE_BREAKS = Pattern.compile("[ \\t\\u00A0]*(\\r\\n|\\r|\\n|\\u2028|\\u2029)\\s*");

    private final SentenceSplitter sentences;
    private final ClauseSplitter clauses;

    public DocumentSplitter(SentenceSplitter sentences, ClauseSplitter clauses) {
        this.sentences = sentences;
        this.clauses = clauses;
    }

    /** Paragraphs and sentences, never clauses: for work on whole sentences, or without a model's tokenizer. */
    public static DocumentSplitter sentencesOnly() {
        return new DocumentSplitter(new OpenNlpSentenceSplitter(), ClauseSplitter.none());
    }

    public Document split(String text) {
        List<Segment> segments = new ArrayList<>();
        List<String> separators = new ArrayList<>();
        Matcher m = LINE_BREAKS.matcher(text);
        int start = 0;
        int paragraphs = 0;
        String breakBefore = null;
        boolean more = true;
        while (more) {
            more = m.find();
            Span p = new Span(start, more ? m.start() : text.length()).trim(text);
            // A line of format characters only (a byte-order mark, zero-width spaces) is no paragraph:
            // the model would invent a sentence from it.
            if (p.length() > 0 && !TextNormalizer.invisible(p.of(text))) {
                if (paragraphs > 0) {
                    separators.add(breakBefore);
                }
                addParagraph(text, p, paragraphs++, segments);
                breakBefore = null;
            }
            if (more) {
                // A blank line anywhere in the gap makes it a blank line in the translation.
                boolean blank = m.group().replace("\r\n", "\n").chars().filter(c -> c == '\n' || c == '\r').count() > 1;
                breakBefore = blank || "\n\n".equals(breakBefore) ? "\n\n" : "\n";
                start = m.end();
            }
        }
        return new Document(text, List.copyOf(segments), List.copyOf(separators));
    }

    private void addParagraph(String text, Span p, int paragraph, List<Segment> out) {
        for (Span s : sentences.split(p.of(text))) {
            for (Span piece : clauses.split(text, s.shift(p.start()))) {
                out.add(new Segment(out.size(), paragraph, piece, piece.of(text)));
            }
        }
    }
}
