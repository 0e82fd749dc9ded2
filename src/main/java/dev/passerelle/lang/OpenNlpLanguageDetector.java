package dev.passerelle.lang;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.langdetect.ThreadSafeLanguageDetectorME;

/**
 * OpenNLP's maximum-entropy detector over character n-grams, with the 103-language model of the
 * {@code opennlp-models-langdetect} artifact (Leipzig corpora). One instance serves every thread.
 */
public final class OpenNlpLanguageDetector implements LanguageDetector {

    static final String MODEL_RESOURCE = "/langdetect-183.bin";

    private final int maxChars;
    private volatile ThreadSafeLanguageDetectorME detector;

    /** Reads at most {@code maxChars} of each text: the start of a long text tells its language. */
    public OpenNlpLanguageDetector(int maxChars) {
        this.maxChars = maxChars;
        prefetch();
    }

    /** Starts reading the model on its own thread, if not yet started; returns at once. */
    public static void prefetch() {
        Model.start();
    }

    /**
     * The model, read from the jar once (10 MB) however many detectors are made. Reading it takes
     * about a second on a small machine, so it is read on its own thread from launch ({@code Main}
     * calls {@link #prefetch()}; otherwise from the first detector made), while Quarkus starts and the
     * translation model loads, and waited for at first use. A failed read fails every use, with its
     * message; the translation model's load checks it ({@code LanguageGate.requireReady}).
     */
    private static final class Model {
        private static final FutureTask<LanguageDetectorModel> LANGDETECT = new FutureTask<>(Model::read);
        private static boolean started;

        static synchronized void start() {
            if (!started) {
                started = true;
                Thread t = new Thread(LANGDETECT, "passerelle-read-langdetect");
                t.setDaemon(true);
                t.start();
            }
        }

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

        static LanguageDetectorModel get() {
            start();
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return LANGDETECT.get();
                    } catch (InterruptedException e) {
                        interrupted = true; // the read is shared: finish waiting, keep the flag
                    } catch (ExecutionException e) {
                        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private ThreadSafeLanguageDetectorME detector() {
        ThreadSafeLanguageDetectorME d = detector;
        if (d == null) {
            d = new ThreadSafeLanguageDetectorME(Model.get());
            detector = d;
        }
        return d;
    }

    @Override
    public List<DetectedLanguage> rank(String text) {
        String sample = text.length() > maxChars ? text.substring(0, maxChars) : text;
        Language[] ranked = detector().predictLanguages(sample);
        return Arrays.stream(ranked)
                .sorted(Comparator.comparingDouble(Language::getConfidence).reversed())
                .map(l -> new DetectedLanguage(l.getLang(), LanguageNames.name(l.getLang()), l.getConfidence()))
                .toList();
    }
}
