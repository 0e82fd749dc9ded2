package dev.passerelle.summarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.text.Document;
import dev.passerelle.text.DocumentSplitter;
import dev.passerelle.text.Segment;
import dev.passerelle.text.Span;
import dev.passerelle.translate.DecodeOptions;
import dev.passerelle.translate.FinishReason;
import dev.passerelle.translate.SentenceTranslation;
import java.util.ArrayList;
import dev.passerelle.model.OnnxOptions;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Inputs the API accepts but no article looks like (tens of thousands of tiny sentences): the
 * similarity graph, and so the matrices and the texts embedded, never grow past
 * {@link Summarizer#MAX_GRAPH_UNITS}.
 */
class SummarizerBoundsTest {

    private static final int CAP = Summarizer.MAX_GRAPH_UNITS;

    /** Delegates, and records how many texts each call was asked to compare. */
    private static final class Recording implements SentenceSimilarity {
        final SentenceSimilarity inner;
        final List<Integer> sizes = new ArrayList<>();

        Recording(SentenceSimilarity inner) {
            this.inner = inner;
        }

        @Override
        public double[][] matrix(List<String> texts) {
            sizes.add(texts.size());
            // Fail here rather than let an unbounded matrix take the test JVM down.
            assertTrue(texts.size() <= CAP, () -> texts.size() + " texts to compare");
            return inner.matrix(texts);
        }
    }

    /** A stand-in encoder: a small deterministic vector per text; records the batch sizes. */
    private static final class FakeEncoder implements Function<List<String>, float[][]> {
        final List<Integer> batches = new ArrayList<>();

        @Override
        public float[][] apply(List<String> texts) {
            batches.add(texts.size());
            assertTrue(texts.size() <= CAP, () -> texts.size() + " texts to embed");
            float[][] out = new float[texts.size()][];
            for (int i = 0; i < out.length; i++) {
                out[i] = vector(texts.get(i));
            }
            return out;
        }

        static float[] vector(String text) {
            float[] v = new float[16];
            for (int c = 0; c < text.length(); c++) {
                v[(text.charAt(c) * 31 + c) & 15] += 1;
            }
            return v;
        }
    }

    /** One unit per text, one segment each, one paragraph each, as the splitter would give them. */
    private static List<Unit> units(List<String> texts) {
        List<Unit> units = new ArrayList<>(texts.size());
        int offset = 0;
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            Segment s = new Segment(i, i, new Span(offset, offset + t.length()), t);
            units.add(new Unit(i, List.of(s), t));
            offset += t.length() + 1;
        }
        return units;
    }

    private static List<String> repeated(int n) {
        return java.util.Collections.nCopies(n, "a b c d");
    }

    private static List<String> distinct(int n) {
        List<String> texts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            texts.add("Le conseil " + Integer.toString(i, 36) + " a voté la mesure " + Integer.toString(i * 7919, 36) + ".");
        }
        return texts;
    }

    private static void assertBounded(Summary s, List<Unit> units, int k) {
        assertEquals(units.size(), s.units().size(), "every unit is still listed with its scores");
        assertEquals(k, s.chosen().size());
        assertEquals(0, s.chosen().get(0).index(), "the lead is kept");
        assertTrue(s.chosen().stream().allMatch(u -> u.index() < CAP), "only graph units are chosen");
        for (int i = CAP; i < units.size(); i += 997) {
            ScoredUnit u = s.units().get(i);
            assertEquals(0, u.centrality(), "past the cap, no centrality");
            assertEquals(SummarizerSettings.DEFAULT.leadWeight() * u.lead(), u.score(), 1e-12, "past the cap, position only");
            assertFalse(u.chosen());
        }
    }

    @Test
    void twelveThousandRepeatedLinesCompareOnlyTheFirstUnits() {
        List<Unit> units = units(repeated(12_000));
        Recording lexical = new Recording(new LexicalSimilarity());
        Summary s = new Summarizer(lexical, SummarizerSettings.DEFAULT).summarize(units, 7);
        assertEquals(List.of(CAP), lexical.sizes, "one matrix, of the capped graph only");
        assertBounded(s, units, 7);
    }

    @Test
    void twentyFiveThousandDistinctSentencesCompareOnlyTheFirstUnits() {
        List<Unit> units = units(distinct(25_000));
        Recording lexical = new Recording(new LexicalSimilarity());
        Summary s = new Summarizer(lexical, SummarizerSettings.DEFAULT).summarize(units, 20);
        assertEquals(List.of(CAP), lexical.sizes);
        assertBounded(s, units, 20);
    }

    @Test
    void encoderAndMixedVectorsEmbedNoMoreThanTheCap() {
        List<Unit> units = units(distinct(25_000));
        FakeEncoder alone = new FakeEncoder();
        Summary s = new Summarizer(new EncoderSimilarity(alone), SummarizerSettings.DEFAULT).summarize(units, 5);
        assertEquals(List.of(CAP), alone.batches, "the encoder sees the graph's texts once");
        assertBounded(s, units, 5);

        FakeEncoder mixed = new FakeEncoder();
        Recording lexical = new Recording(new LexicalSimilarity());
        s = new Summarizer(new MixedSimilarity(lexical, new EncoderSimilarity(mixed), 0.5), SummarizerSettings.DEFAULT)
                .summarize(units, 5);
        assertEquals(List.of(CAP), mixed.batches);
        assertEquals(List.of(CAP), lexical.sizes);
        assertBounded(s, units, 5);
    }

    @Test
    void anArticleWithinTheCapIsRankedWhole() {
        List<Unit> units = units(distinct(CAP));
        Recording lexical = new Recording(new LexicalSimilarity());
        Summary s = new Summarizer(lexical, SummarizerSettings.DEFAULT).summarize(units, 5);
        assertEquals(List.of(CAP), lexical.sizes);
        assertTrue(s.units().stream().allMatch(u -> u.centrality() > 0), "every unit has its centrality");
    }

    /** The service's encoder mode on the 96 kB input the API accepts: what reaches the model is bounded. */
    @Test
    void theServiceInEncoderModeEmbedsAtMostTheCap() {
        FakeEncoder encoder = new FakeEncoder();
        SegmentTranslator translator = new SegmentTranslator() {
            final DocumentSplitter splitter = DocumentSplitter.sentencesOnly();

            @Override
            public Document segment(String text) {
                return splitter.split(text);
            }

            @Override
            public List<SentenceTranslation> translate(List<Segment> segments, DecodeOptions options) {
                return segments.stream().map(s -> new SentenceTranslation(s.index(), s.paragraph(), s.span(), s.text(),
                        "EN(" + s.text() + ")", -0.1, FinishReason.EOS, false)).toList();
            }

            @Override
            public float[][] embed(List<String> texts) {
                return encoder.apply(texts);
            }
        };
        for (Vectors vectors : List.of(Vectors.ENCODER, Vectors.MIXED)) {
            encoder.batches.clear();
            DigestService service = new DigestService(new DigestConfigDefaults() {
                @Override
                public Ranking ranking() {
                    return Ranking.LEXRANK;
                }

                @Override
                public Vectors vectors() {
                    return vectors;
                }
            }, OnnxOptions.DEFAULT);
            Digest d = service.summarize(translator, LongInputDigest.repeated(), "", null, Language.EN, null);
            assertEquals(List.of(CAP), encoder.batches, vectors + ": one batch of the graph's texts");
            assertEquals(SummarizerSettings.DEFAULT.maxBullets(), d.bullets().size());
            assertEquals("EN(a b c d)", d.bullets().get(0).text());
        }
    }
}
