package dev.passerelle.model.fetch;

import java.util.List;

/**
 * Which graphs of a manifest to fetch: a precision ({@code fp32}, {@code quantized} or {@code all})
 * and a decoder layout ({@code merged}, {@code split} or {@code all}). The service needs one of each;
 * {@code all} serves pinning a manifest or trying every combination.
 */
public record FileSelection(String variant, String decoder) {

    static final List<String> VARIANTS = List.of("fp32", "quantized", "all");
    static final List<String> DECODERS = List.of("merged", "split", "all");

    public FileSelection {
        if (!VARIANTS.contains(variant)) {
            throw new IllegalArgumentException("--variant must be fp32, quantized or all");
        }
        if (!DECODERS.contains(decoder)) {
            throw new IllegalArgumentException("--decoder must be merged, split or all");
        }
    }

    boolean wants(ManifestFile file) {
        return matches(variant, file.variant()) && matches(decoder, file.decoder());
    }

    private static boolean matches(String wanted, String tag) {
        return tag == null || wanted.equals("all") || wanted.equals(tag);
    }
}
