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

    // The defaults are the service's own settings, so that an init container given the service's
    // environment fetches what the service will load (a ConfigMap switched to quantized otherwise
    // left pods that never became ready, their folder holding only the fp32 graphs).
    @Option(names = "--variant", paramLabel = "VARIANT",
            description = "Which precision's graphs: ${COMPLETION-CANDIDATES} (default: $PASSERELLE_MODEL_VARIANT, "
                    + "else fp32).")
    VariantSelection variant;

    @Option(names = "--decoder", paramLabel = "LAYOUT",
            description = "Which decoder graphs: ${COMPLETION-CANDIDATES} (default: $PASSERELLE_MODEL_DECODER, "
                    + "else merged); auto, the service's default setting, fetches merged.")
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
        VariantSelection v = variant != null ? variant
                : fromEnv(VariantSelection.class, "PASSERELLE_MODEL_VARIANT", "--variant", VariantSelection.FP32);
        DecoderSelection d = decoder != null ? decoder
                : fromEnv(DecoderSelection.class, "PASSERELLE_MODEL_DECODER", "--decoder", DecoderSelection.MERGED);
        return new InstallRequest(manifest, target, base, new FileSelection(v, d), pin, ifMissing,
                env.get("HF_TOKEN"), http, stallTimeout);
    }

    /** The value of environment variable {@code name}, read as option {@code option} reads it; {@code fallback} when unset or blank. */
    private <E extends Enum<E>> E fromEnv(Class<E> type, String name, String option, E fallback) {
        String value = env.getOrDefault(name, "").strip();
        if (value.isEmpty()) {
            return fallback;
        }
        for (E candidate : type.getEnumConstants()) {
            if (candidate.name().equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        throw new ParameterException(spec.commandLine(), name + "=" + value + " is not a value of " + option
                + ": expected one of " + java.util.Arrays.stream(type.getEnumConstants())
                        .map(c -> c.name().toLowerCase(java.util.Locale.ROOT)).toList());
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        InstallRequest request;
        try {
            request = request();
        } catch (ParameterException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        }
        try {
            new ModelInstaller(new ConsoleProgress(out, console)).install(request);
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
