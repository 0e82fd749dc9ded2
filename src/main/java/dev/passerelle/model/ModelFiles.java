package dev.passerelle.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of one model folder in the Optimum ONNX layout, graphs beside the JSON files or in
 * an {@code onnx/} subfolder, resolved for one variant and decoder layout.
 */
public record ModelFiles(
        Path dir,
        Path config,
        Path generationConfig,
        Path vocab,
        Path sourceSpm,
        Path targetSpm,
        Variant variant,
        DecoderLayout layout,
        Path encoder,
        Path decoder,
        Path decoderWithPast) {

    /**
     * Finds the files of {@code dir}.
     *
     * @param variant which precision's graphs
     * @param decoder which decoder layout, or whichever is there
     */
    public static ModelFiles locate(Path dir, Variant variant, DecoderChoice decoder) {
        if (!Files.isDirectory(dir)) {
            throw new ModelLoadException("model folder " + dir.toAbsolutePath() + " does not exist");
        }
        String suffix = variant.fileSuffix();
        Path graphs = Files.isRegularFile(dir.resolve("onnx/encoder_model" + suffix + ".onnx"))
                ? dir.resolve("onnx") : dir;
        Path encoder = graphs.resolve("encoder_model" + suffix + ".onnx");
        Path first = graphs.resolve("decoder_model" + suffix + ".onnx");
        Path withPast = graphs.resolve("decoder_with_past_model" + suffix + ".onnx");
        Path merged = graphs.resolve("decoder_model_merged" + suffix + ".onnx");
        boolean hasSplit = Files.isRegularFile(first) && Files.isRegularFile(withPast);
        boolean hasMerged = Files.isRegularFile(merged);
        DecoderLayout layout = switch (decoder) {
            // Merged first: it holds the decoder weights once, where the split pair holds them twice
            // (measured: 0.4 GB less resident with opus-mt-fr-en's size in fp32, and as fast).
            case AUTO -> hasMerged ? DecoderLayout.MERGED : hasSplit ? DecoderLayout.SPLIT : null;
            case SPLIT -> hasSplit ? DecoderLayout.SPLIT : null;
            case MERGED -> hasMerged ? DecoderLayout.MERGED : null;
        };
        List<Path> missing = new ArrayList<>();
        if (!Files.isRegularFile(encoder)) {
            missing.add(encoder);
        }
        if (layout == null) {
            boolean wantedMerged = decoder == DecoderChoice.MERGED
                    || decoder == DecoderChoice.AUTO && !Files.isRegularFile(first);
            missing.add(wantedMerged ? merged : withPast);
        }
        ModelFiles files = new ModelFiles(dir, dir.resolve("config.json"),
                dir.resolve("generation_config.json"), dir.resolve("vocab.json"),
                dir.resolve("source.spm"), dir.resolve("target.spm"), variant,
                layout, encoder, layout == DecoderLayout.MERGED ? merged : first,
                layout == DecoderLayout.MERGED ? null : withPast);
        for (Path p : List.of(files.config, files.generationConfig, files.vocab, files.sourceSpm, files.targetSpm)) {
            if (!Files.isRegularFile(p)) {
                missing.add(p);
            }
        }
        if (!missing.isEmpty()) {
            throw new ModelLoadException("model folder " + dir.toAbsolutePath() + " is incomplete for the "
                    + variant.label() + " variant; missing: " + missing);
        }
        return files;
    }

    /** The graphs this layout runs, for reporting sizes. */
    public List<Path> graphs() {
        return decoderWithPast == null ? List.of(encoder, decoder) : List.of(encoder, decoder, decoderWithPast);
    }
}
