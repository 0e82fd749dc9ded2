package dev.passerelle.model;

/**
 * Keeps DJL offline and quiet unless the operator said otherwise: no model hub look-ups, no
 * usage tracking; and points ONNX Runtime at its cached native libraries ({@link OrtNatives}).
 * Must run before the first DJL class loads an engine.
 */
public final class DjlSettings {

    private DjlSettings() {
    }

    /** Applies the defaults above; idempotent, cheap after the first call. */
    public static void applyDefaults() {
        setIfAbsent("ai.djl.offline", "DJL_OFFLINE", "true");
        setIfAbsent("OPT_OUT_TRACKING", "OPT_OUT_TRACKING", "true");
        OrtNatives.useCache();
    }

    private static void setIfAbsent(String property, String env, String value) {
        if (System.getProperty(property) == null && System.getenv(env) == null) {
            System.setProperty(property, value);
        }
    }
}
