package dev.passerelle.clean;

import java.util.Comparator;
import java.util.List;

/**
 * Word precision and recall ({@link WordOverlap}) of an {@link Extraction} on pages whose article
 * text is known: what is compared is the extracted title and paragraphs against the article's
 * title, heading (abstract) and body.
 */
public final class ExtractionQuality {

    /** One page's figures. */
    public record PageScore(String id, WordOverlap.Counts counts) {
    }

    /** A corpus's figures: micro-averaged (all words of all pages) and macro-averaged (mean of pages). */
    public record Report(List<PageScore> pages, WordOverlap.Counts total) {

        public double macroPrecision() {
            return pages.stream().mapToDouble(p -> p.counts().precision()).average().orElse(1);
        }

        public double macroRecall() {
            return pages.stream().mapToDouble(p -> p.counts().recall()).average().orElse(1);
        }

        /** The {@code n} pages of lowest precision, lowest first. */
        public List<PageScore> worstPrecision(int n) {
            return pages.stream().sorted(Comparator.comparingDouble(p -> p.counts().precision())).limit(n).toList();
        }

        /** The {@code n} pages of lowest recall, lowest first. */
        public List<PageScore> worstRecall(int n) {
            return pages.stream().sorted(Comparator.comparingDouble(p -> p.counts().recall())).limit(n).toList();
        }
    }

    private ExtractionQuality() {
    }

    /** Measures {@code extraction} on {@code pages}. */
    public static Report measure(List<PageCorpus.Page> pages, Extraction extraction) {
        List<PageScore> scores = pages.stream().map(p -> {
            Article a = extraction.extract(p.html());
            return new PageScore(p.id(), WordOverlap.compare(a.title() + "\n" + a.body(), p.reference()));
        }).toList();
        return new Report(scores, scores.stream().map(PageScore::counts).reduce(WordOverlap.Counts.ZERO,
                WordOverlap.Counts::plus));
    }
}
