package dev.passerelle.summarize;

import dev.passerelle.model.OnnxOptions;
import dev.passerelle.text.Document;
import dev.passerelle.text.DocumentSplitter;

/**
 * Plans the digest of a long input made of tiny sentences, as the service does (trained ranking,
 * or LexRank with lexical vectors when the second argument is {@code lexrank}), and prints one line: {@code units=<n> bullets=<k> first=<text of the first bullet>}.
 * {@link SummarizerMemoryTest} runs it in a child JVM with a small heap.
 *
 * <p>Argument: {@code repeated} ("a b c d" 12,000 times, 96 kB) or {@code distinct}
 * (about 10,000 distinct four-word sentences, 100,000 characters).
 */
public final class LongInputDigest {

    private LongInputDigest() {
    }

    /** {@code "a b c d\n"} 12,000 times: 96,000 characters, within the 100,000 the API accepts. */
    static String repeated() {
        return "a b c d\n".repeat(12_000);
    }

    /** Distinct four-word sentences (the fewest the boilerplate filter keeps), one a line, {@code limit} characters at most. */
    static String distinct(int limit) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; ; i++) {
            String line = "u v w " + Integer.toString(i, 36) + "\n";
            if (s.length() + line.length() > limit) {
                return s.toString();
            }
            s.append(line);
        }
    }

    public static void main(String[] args) {
        String text = args.length > 0 && args[0].equals("distinct") ? distinct(100_000) : repeated();
        Document doc = DocumentSplitter.sentencesOnly().split(text);
        boolean lexrank = args.length > 1 && args[1].equals("lexrank");
        try (TrainedSummarizer trained = lexrank ? null : TrainedSummarizer.load(OnnxOptions.DEFAULT, 20, false)) {
            UnitRanker ranker = lexrank ? new Summarizer(new LexicalSimilarity(), SummarizerSettings.DEFAULT) : trained;
            print(new DigestPlanner(SummarizerSettings.DEFAULT).plan(doc, "", null, ranker).summary());
        }
    }

    private static void print(Summary summary) {
        System.out.println("units=" + summary.units().size() + " bullets=" + summary.chosen().size()
                + " first=" + summary.chosen().get(0).text());
    }
}
