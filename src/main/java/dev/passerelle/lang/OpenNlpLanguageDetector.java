package dev.passerelle.lang;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.langdetect.ThreadSafeLanguageDetectorME;

/**
 * OpenNLP's maximum-entropy detector over character n-grams, with the 103-language model of the
 * {@code opennlp-models-langdetect} artifact (Leipzig corpora). One instance serves every thread.
 */
public final class OpenNlpLanguageDetector implements LanguageDetector {

    static final String MODEL_RESOURCE = "/langdetect-183.bin";

    private final ThreadSafeLanguageDetectorME detector = new ThreadSafeLanguageDetectorME(Model.LANGDETECT);
    private final int maxChars;

    /** Reads at most {@code maxChars} of each text: the start of a long text tells its language. */
    public OpenNlpLanguageDetector(int maxChars) {
        this.maxChars = maxChars;
    }

    /** The model, read from the jar once (10 MB) however many detectors are made. */
    private static final class Model {
        static final LanguageDetectorModel LANGDETECT = read();

        private static LanguageDetectorModel read() {
            try (InputStream in = OpenNlpLanguageDetector.class.getResourceAsStream(MODEL_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("OpenNLP language model " + MODEL_RESOURCE + " is not on the classpath");
                }
                return new LanguageDetectorModel(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read OpenNLP language model", e);
            }
        }
    }

    @Override
    public List<DetectedLanguage> rank(String text) {
        String sample = text.length() > maxChars ? text.substring(0, maxChars) : text;
        Language[] ranked = detector.predictLanguages(sample);
        return Arrays.stream(ranked)
                .sorted(Comparator.comparingDouble(Language::getConfidence).reversed())
                .map(l -> new DetectedLanguage(l.getLang(), LanguageNames.name(l.getLang()), l.getConfidence()))
                .toList();
    }
}
