package dev.passerelle.model.fetch;

import dev.passerelle.model.DecoderChoice;
import dev.passerelle.model.Variant;
import java.util.Objects;

/**
 * Which graphs of a manifest to fetch: a precision and a decoder layout. The service needs one of
 * each; {@code all} serves pinning a manifest or trying every combination. Files tagged with
 * neither (configuration, vocabulary, the encoder of the chosen precision...) follow the tags they
 * have. {@code auto} is stored as the layout it stands for, so {@link #decoder()} is never AUTO.
 */
public record FileSelection(VariantSelection variant, DecoderSelection decoder) {

    /** What {@code fetch-model} fetches without options, and the service loads by default. */
    public static final FileSelection DEFAULT = new FileSelection(VariantSelection.FP32, DecoderSelection.MERGED);

    public FileSelection {
        Objects.requireNonNull(variant, "variant");
        decoder = Objects.requireNonNull(decoder, "decoder").resolved();
    }

    /** The files the service loads with these settings ({@code passerelle.model.variant}, {@code .decoder}). */
    public static FileSelection forService(Variant variant, DecoderChoice decoder) {
        return new FileSelection(VariantSelection.of(variant), DecoderSelection.of(decoder));
    }

    boolean wants(ManifestFile file) {
        return (file.variant() == null || variant.wants(file.variant()))
                && (file.decoder() == null || decoder.wants(file.decoder()));
    }
}
