package dev.passerelle.model.fetch;

import dev.passerelle.model.DecoderChoice;
import dev.passerelle.model.Variant;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link ModelInstaller#install} should do.
 *
 * @param manifest the manifest file (read, and rewritten when {@code pin})
 * @param dir where the model goes
 * @param mirror base URL laid out as {@code <base>/<repo>/resolve/<revision>/<path>}; null for the
 *        manifest's {@code baseUrl}, else huggingface.co
 * @param selection which precision and decoder layout
 * @param pin write the resolved commit, sizes and SHA-256 back into the manifest
 * @param ifMissing do nothing when {@code dir} already holds this manifest's model
 * @param token bearer token for the server (HF_TOKEN), or null; never sent to another host
 * @param allowHttp accept a plain {@code http://} server
 * @param stallTimeout how long a download may receive nothing before it is retried; null for the default
 */
public record InstallRequest(Path manifest, Path dir, String mirror, FileSelection selection, boolean pin,
                             boolean ifMissing, String token, boolean allowHttp, Duration stallTimeout) {

    public InstallRequest {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(selection, "selection");
        mirror = blankToNull(mirror);
        token = blankToNull(token);
        stallTimeout = new Transport(token, allowHttp, stallTimeout).stallTimeout(); // the default; refuses <= 0
    }

    /** How the fetch talks to the server. */
    public Transport transport() {
        return new Transport(token, allowHttp, stallTimeout);
    }

    /**
     * What the service fetches with {@code passerelle.model.fetch-on-start}: the files its settings load, only
     * when missing, from the server and with the token {@code env} names, as {@code fetch-model} would.
     */
    public static InstallRequest forService(Path manifest, Path dir, Variant variant, DecoderChoice decoder,
                                            boolean allowHttp, Duration stallTimeout, Map<String, String> env) {
        return new InstallRequest(manifest, dir, mirror(env), FileSelection.forService(variant, decoder), false,
                true, env.get("HF_TOKEN"), allowHttp, stallTimeout);
    }

    /** The server the environment names: PASSERELLE_MODEL_MIRROR, else HF_ENDPOINT, else null. */
    public static String mirror(Map<String, String> env) {
        String mirror = blankToNull(env.get("PASSERELLE_MODEL_MIRROR"));
        return mirror != null ? mirror : blankToNull(env.get("HF_ENDPOINT"));
    }

    // An environment variable set to "" means unset, as shells and Kubernetes often produce.
    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
