package dev.passerelle.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.sentdetect.ThreadSafeSentenceDetectorME;

/**
 * Sentence splitting with OpenNLP's French model (UD French-GSD, from the
 * {@code opennlp-models-sentdetect-fr} artifact on the classpath). One instance serves every
 * thread: OpenNLP's thread-safe detector keeps one detector per thread over the shared model.
 * Sentences glued without a space ({@link GluedSentences}) are cut apart afterwards.
 */
public final class OpenNlpSentenceSplitter implements SentenceSplitter {

    static final String MODEL_RESOURCE = "/opennlp-fr-ud-gsd-sentence-1.3-2.5.4.bin";

    private final ThreadSafeSentenceDetectorME detector = new ThreadSafeSentenceDetectorME(Model.FRENCH);

    /** The model, read from the jar once however many splitters are made (every pipeline makes one). */
    private static final class Model {
        static final SentenceModel FRENCH = read();

        private static SentenceModel read() {
            try (InputStream in = OpenNlpSentenceSplitter.class.getResourceAsStream(MODEL_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("OpenNLP French sentence model " + MODEL_RESOURCE
                            + " is not on the classpath");
                }
                return new SentenceModel(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read OpenNLP French sentence model", e);
            }
        }
    }

    @Override
    public List<Span> split(String paragraph) {
        List<Span> spans = new ArrayList<>();
        // Scraped bodies glue sentences where paragraphs were joined, which the model never saw and
        // misreads (it cut "lourd.«Nous" after the guillemet): cut there first, then ask the model.
        for (Span piece : GluedSentences.split(paragraph, List.of(new Span(0, paragraph.length())))) {
            for (opennlp.tools.util.Span s : detector.sentPosDetect(piece.of(paragraph))) {
                Span trimmed = Span.of(s.trim(piece.of(paragraph))).shift(piece.start());
                if (trimmed.length() > 0) {
                    spans.add(trimmed);
                }
            }
        }
        return spans;
    }
}
