package dev.passerelle;

import dev.passerelle.cli.Cli;
import dev.passerelle.lang.OpenNlpLanguageDetector;
import dev.passerelle.model.OrtNatives;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point: without arguments, the HTTP service (as the container's ENTRYPOINT, dev mode and the
 * integration tests start it); with arguments, a command-line tool ({@code fetch-model}, {@code hash-key},
 * {@code bench-engine}, {@code summarize-eval}), {@code help}, or an unknown command refused with
 * exit code 2 (see {@link Cli#run(String...)}): a typo must not start a server that runs until killed.
 *
 * <p>The tools run here, before and without Quarkus, rather than under the main that quarkus-picocli
 * generates: that main starts the whole application first, so a {@code fetch-model} in an init
 * container would open port 8080 and try to load the very model it is about to download, and
 * {@code hash-key} would take seconds instead of milliseconds. The extension still provides picocli
 * (and its native-image configuration); with this {@code @QuarkusMain} present it generates no main
 * of its own and needs no {@code @TopCommand}.
 */
@QuarkusMain
public final class Main {

    Main() { // package-private: Quarkus makes a bean of the @QuarkusMain class
    }

    public static void main(String... args) {
        if (args.length == 0) {
            // Quarkus boots on one thread for seconds; the second core meanwhile reads what does not
            // depend on the configuration: the language model and ONNX Runtime's native libraries.
            Thread early = new Thread(() -> {
                OrtNatives.useCache();
                OpenNlpLanguageDetector.prefetch();
            }, "passerelle-prefetch");
            early.setDaemon(true);
            early.start();
            Quarkus.run(args);
            return;
        }
        System.exit(Cli.run(args));
    }
}
