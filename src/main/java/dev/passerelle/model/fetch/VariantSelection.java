package dev.passerelle.model.fetch;

import dev.passerelle.model.Variant;
import java.util.Locale;

/** Which precision's graphs to fetch: one {@link Variant}, or all of them (to pin a manifest). */
public enum VariantSelection {
    FP32,
    QUANTIZED,
    ALL;

    /** The selection holding just {@code variant}. */
    public static VariantSelection of(Variant variant) {
        return switch (variant) {
            case FP32 -> FP32;
            case QUANTIZED -> QUANTIZED;
        };
    }

    /** Whether a file tagged {@code tag} in the manifest ({@code fp32}, {@code quantized}) is wanted. */
    boolean wants(String tag) {
        return this == ALL || label().equals(tag);
    }

    /** The name used on the command line and in manifests. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
