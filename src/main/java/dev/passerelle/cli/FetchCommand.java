package dev.passerelle.cli;

import dev.passerelle.model.fetch.DecoderSelection;
import dev.passerelle.model.fetch.FetchException;
import dev.passerelle.model.fetch.FileSelection;
import dev.passerelle.model.fetch.InstallRequest;
import dev.passerelle.model.fetch.ModelInstaller;
import dev.passerelle.model.fetch.VariantSelection;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code fetch-model}: downloads opus-mt-fr-en (or the model of another manifest) and installs it
 * where the service looks for it, through {@link ModelInstaller}.
 */
@Command(name = FetchCommand.NAME, mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        sortOptions = false,
        description = {"Downloads the translation model a manifest describes, verifies every file and installs it.",
            "Resumes an interrupted run. HF_TOKEN is sent as a bearer token when set, only to the server itself."})
public final class FetchCommand implements Callable<Integer> {

    public static final String NAME = "fetch-model";
    static final String DEFAULT_DIR = "models/opus-mt-fr-en";

    @Option(names = "--manifest", paramLabel = "FILE", defaultValue = "models/opus-mt-fr-en.json",
            description = "The manifest: repository, revision, files (default: ${DEFAULT-VALUE}).")
    Path manifest;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Where to install (default: $PASSERELLE_MODEL_DIR, else " + DEFAULT_DIR + ").")
    Path dir;

    @Option(names = "--mirror", paramLabel = "URL",
            description = {"Server laid out as URL/<repo>/resolve/<revision>/<path> (default: "
                    + "$PASSERELLE_MODEL_MIRROR, $HF_ENDPOINT, the manifest's baseUrl, " + ModelInstaller.HUB + ")."})
    String mirror;

    @Option(names = "--variant", paramLabel = "VARIANT", defaultValue = "fp32",
            description = "Which precision's graphs: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    VariantSelection variant;

    @Option(names = "--decoder", paramLabel = "LAYOUT", defaultValue = "merged",
            description = "Which decoder graphs: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); auto, "
                    + "the service's default setting, fetches merged.")
    DecoderSelection decoder;

    @Option(names = "--pin", description = "Write the resolved commit, sizes and SHA-256 back into the manifest.")
    boolean pin;

    @Option(names = "--if-missing", description = "Do nothing when DIR already holds this model (init containers).")
    boolean ifMissing;

    // The environment variable is not named here: its upper case would read like an enum constant (ALL).
    @Option(names = "--allow-http", description = {"Accept a plain http:// server: files and HF_TOKEN travel "
            + "unencrypted (also on when the environment sets passerelle.model.allow-insecure-mirror to true)."})
    Boolean allowHttp;

    private Duration stallTimeout;

    @Option(names = "--stall-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Drop and resume a download that receives nothing for this long (default: ${DEFAULT-VALUE}).")
    void stallTimeout(int seconds) {
        if (seconds < 1) {
            throw new ParameterException(spec.commandLine(), "--stall-timeout must be at least 1 second, not " + seconds);
        }
        stallTimeout = Duration.ofSeconds(seconds);
    }

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;
    private final boolean console;

    public FetchCommand() {
        this(System.getenv(), System.console() != null);
    }

    /** For tests: the environment the defaults come from, and whether progress redraws one line. */
    FetchCommand(Map<String, String> env, boolean console) {
        this.env = env;
        this.console = console;
    }

    /** The parsed command line, with the defaults the environment gives. */
    InstallRequest request() {
        Path target = dir != null ? dir : Path.of(env.getOrDefault("PASSERELLE_MODEL_DIR", DEFAULT_DIR));
        String base = mirror != null && !mirror.isBlank() ? mirror : InstallRequest.mirror(env);
        boolean http = allowHttp != null ? allowHttp
                : Boolean.parseBoolean(env.getOrDefault("PASSERELLE_MODEL_ALLOW_INSECURE_MIRROR", "false").strip());
        return new InstallRequest(manifest, target, base, new FileSelection(variant, decoder), pin, ifMissing,
                env.get("HF_TOKEN"), http, stallTimeout);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            new ModelInstaller(new ConsoleProgress(out, console)).install(request());
            return 0;
        } catch (FetchException | IOException e) {
            spec.commandLine().getErr().println("fetch failed: " + Cli.describe(e));
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            spec.commandLine().getErr().println("fetch interrupted; run the command again to resume");
            return 130;
        }
    }
}
