package dev.passerelle.model.fetch;

import dev.passerelle.model.ModelProvenance;
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
 *             [--variant fp32|quantized|all] [--decoder merged|split|all] [--pin] [--if-missing]
 * </pre>
 * DIR defaults to PASSERELLE_MODEL_DIR or models/opus-mt-fr-en; URL to PASSERELLE_MODEL_MIRROR,
 * HF_ENDPOINT, the manifest's baseUrl, then https://huggingface.co. HF_TOKEN is sent when set.
 */
public final class FetchCommand {

    public static final String NAME = "fetch-model";
    static final String HUB = "https://huggingface.co";
    static final String USAGE = "usage: fetch-model [--manifest FILE] [--dir DIR] [--mirror URL] "
            + "[--variant fp32|quantized|all] [--decoder merged|split|all] [--pin] [--if-missing]";

    private FetchCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command; returns the process exit code. */
    public static int run(String[] args) {
        return run(args, System.getenv(), System.out, System.console() != null);
    }

    /** Parsed command line. */
    record Options(Path manifest, Path dir, String mirror, FileSelection selection, boolean pin, boolean ifMissing,
                   boolean help) {
    }

    /** Reads the options; IllegalArgumentException names what is wrong. */
    static Options parse(String[] args, Map<String, String> env) {
        Path manifest = Path.of("models/opus-mt-fr-en.json");
        Path dir = Path.of(env.getOrDefault("PASSERELLE_MODEL_DIR", "models/opus-mt-fr-en"));
        String mirror = blankToNull(env.getOrDefault("PASSERELLE_MODEL_MIRROR", env.get("HF_ENDPOINT")));
        String variant = "fp32";
        String decoder = "merged";
        boolean pin = false;
        boolean ifMissing = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--manifest" -> manifest = Path.of(value(args, ++i));
                case "--dir" -> dir = Path.of(value(args, ++i));
                case "--mirror" -> mirror = blankToNull(value(args, ++i));
                case "--variant" -> variant = value(args, ++i);
                case "--decoder" -> decoder = value(args, ++i);
                case "--pin" -> pin = true;
                case "--if-missing" -> ifMissing = true;
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        // auto: what the service's default decoder setting loads when both layouts are there
        String layout = decoder.equals("auto") ? "merged" : decoder;
        return new Options(manifest, dir, mirror, new FileSelection(variant, layout), pin, ifMissing, help);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, boolean console) {
        Options o;
        try {
            o = parse(args, env);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(USAGE);
            return 2;
        }
        if (o.help()) {
            out.println(USAGE);
            return 0;
        }
        try {
            Manifest manifest = Manifest.read(o.manifest());
            if (o.ifMissing() && installed(manifest, o.dir())) {
                out.println(manifest.id() + " is already installed in " + o.dir().toAbsolutePath());
                return 0;
            }
            String base = o.mirror() != null ? o.mirror() : manifest.baseUrl() != null ? manifest.baseUrl() : HUB;
            out.println("fetching " + manifest.repository() + "@" + manifest.revision() + " ("
                    + o.selection().variant() + ", " + o.selection().decoder() + " decoder) from "
                    + base + " into " + o.dir().toAbsolutePath());
            Files.createDirectories(o.dir().toAbsolutePath().getParent());
            Manifest fetched = new ModelFetcher(env.get("HF_TOKEN"), new ConsoleProgress(out, console))
                    .fetch(manifest, base, o.dir(), o.selection());
            if (o.pin()) {
                fetched.write(o.manifest());
                out.println("pinned revision, sizes and SHA-256 in " + o.manifest());
            }
            out.println("installed " + manifest.id() + " in " + o.dir().toAbsolutePath());
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

    /** Whether {@code dir} holds this manifest's model, as recorded by an earlier fetch. */
    static boolean installed(Manifest manifest, Path dir) {
        return ModelProvenance.read(dir)
                .filter(p -> p.repository().equals(manifest.repository()))
                .filter(p -> !manifest.pinned() || p.revision().equals(manifest.revision()))
                .isPresent();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
