package dev.passerelle.service;

import dev.passerelle.model.DecoderChoice;
import dev.passerelle.model.Variant;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the translation model lives, which of its graphs to run and how it is brought in
 * ({@code passerelle.model.*}). Kept beside the model's lifecycle, not in {@code config}, because
 * its values are the model package's own types.
 */
@ConfigMapping(prefix = "passerelle.model")
public interface ModelConfig {

    /** Folder holding the model in the Optimum ONNX layout. */
    @WithDefault("models/opus-mt-fr-en")
    Path dir();

    /** {@code fp32} or {@code quantized} ({@code *_quantized.onnx}). */
    @WithDefault("fp32")
    Variant variant();

    /** {@code auto} (merged when present), {@code split} (decoder + decoder_with_past) or {@code merged}. */
    @WithDefault("auto")
    DecoderChoice decoder();

    /**
     * Run one short translation at startup so the first request is not slow; readiness waits for
     * it. It generates {@code ModelLifecycle.WARM_UP_TOKENS} tokens whatever the model says, which
     * touches every graph once without paying for a whole sentence.
     */
    @WithDefault("true")
    boolean warmup();

    /**
     * Load the model on a background thread, so the HTTP server opens while the graphs load: the
     * service is live at once and ready when the model is (requests meanwhile answer 503 with the
     * status). Off, startup waits for the model before opening the port.
     */
    @WithDefault("true")
    boolean loadInBackground();

    /**
     * When the model folder is empty, fetch the model at startup (in the background). On in dev
     * mode, so {@code ./mvnw quarkus:dev} alone serves translations; production chooses explicitly.
     */
    @WithDefault("false")
    boolean fetchOnStart();

    /** Manifest used by fetch-on-start. */
    @WithDefault("models/opus-mt-fr-en.json")
    Path manifest();

    /** Let fetch-on-start use a plain http:// mirror; off, so a typo in a mirror address cannot downgrade. */
    @WithDefault("false")
    boolean allowInsecureMirror();

    /** A fetch-on-start download that receives nothing for this long is dropped and resumed. */
    @WithDefault("60s")
    @WithConverter(DurationConverter.class) // "60s" as Quarkus reads it, also where the mapping is built alone
    Duration fetchStallTimeout();
}
