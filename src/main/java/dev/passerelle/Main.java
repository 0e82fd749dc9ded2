package dev.passerelle;

import dev.passerelle.cli.Cli;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Entry point: {@code fetch-model}, {@code hash-key}, {@code bench-engine} and {@code summarize-eval}
 * run as command-line tools (see {@link Cli}); anything else, no arguments included, starts the HTTP service.
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

    private Main() {
    }

    public static void main(String... args) {
        Optional<CommandLine> command = args.length > 0 ? Cli.command(args[0]) : Optional.empty();
        if (command.isPresent()) {
            System.exit(command.get().execute(Arrays.copyOfRange(args, 1, args.length)));
        }
        Quarkus.run(args);
    }
}
