package dev.passerelle.model.fetch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code fetch-model}: downloads opus-mt-fr-en (or the model of another manifest) and installs it
 * where the service looks for it.
 *
 * <pre>
 * fetch-model [--manifest models/opus-mt-fr-en.json] [--dir DIR] [--mirror URL]
 *             [--variant fp32|quantized|all] [--pin]
 * </pre>
 * DIR defaults to PASSERELLE_MODEL_DIR or models/opus-mt-fr-en; URL to PASSERELLE_MODEL_MIRROR,
 * HF_ENDPOINT, the manifest's baseUrl, then https://huggingface.co. HF_TOKEN is sent when set.
 */
public final class FetchCommand {

    public static final String NAME = "fetch-model";
    static final String HUB = "https://huggingface.co";
    static final String USAGE = "usage: fetch-model [--manifest FILE] [--dir DIR] [--mirror URL] "
            + "[--variant fp32|quantized|all] [--pin]";

    private FetchCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command; returns the process exit code. */
    public static int run(String[] args) {
        return run(args, System.getenv(), System.out, System.console() != null);
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, boolean console) {
        Path manifestFile = Path.of("models/opus-mt-fr-en.json");
        Path dir = Path.of(env.getOrDefault("PASSERELLE_MODEL_DIR", "models/opus-mt-fr-en"));
        String mirror = env.getOrDefault("PASSERELLE_MODEL_MIRROR", env.get("HF_ENDPOINT"));
        String variant = "fp32";
        boolean pin = false;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--manifest" -> manifestFile = Path.of(value(args, ++i));
                    case "--dir" -> dir = Path.of(value(args, ++i));
                    case "--mirror" -> mirror = value(args, ++i);
                    case "--variant" -> variant = value(args, ++i);
                    case "--pin" -> pin = true;
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (!variant.equals("fp32") && !variant.equals("quantized") && !variant.equals("all")) {
                throw new IllegalArgumentException("--variant must be fp32, quantized or all");
            }
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(USAGE);
            return 2;
        }
        try {
            Manifest manifest = Manifest.read(manifestFile);
            String base = mirror != null ? mirror : manifest.baseUrl() != null ? manifest.baseUrl() : HUB;
            out.println("fetching " + manifest.repository() + "@" + manifest.revision() + " (" + variant + ") from "
                    + base + " into " + dir.toAbsolutePath());
            Files.createDirectories(dir.toAbsolutePath().getParent());
            Manifest fetched = new ModelFetcher(env.get("HF_TOKEN"), new ConsoleProgress(out, console))
                    .fetch(manifest, base, dir, variant);
            if (pin) {
                fetched.write(manifestFile);
                out.println("pinned revision, sizes and SHA-256 in " + manifestFile);
            }
            out.println("installed " + manifest.id() + " in " + dir.toAbsolutePath());
            return 0;
        } catch (FetchException | IOException e) {
            out.println("fetch failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("fetch interrupted; run the command again to resume");
            return 130;
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
