package dev.passerelle.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        String variant,
        DecoderLayout layout,
        Path encoder,
        Path decoder,
        Path decoderWithPast) {

    public static final String FP32 = "fp32";
    public static final String QUANTIZED = "quantized";

    /**
     * Finds the files of {@code dir}.
     *
     * @param variant {@code fp32} or {@code quantized}
     * @param decoder {@code auto}, {@code split} or {@code merged}
     */
    public static ModelFiles locate(Path dir, String variant, String decoder) {
        if (!Files.isDirectory(dir)) {
            throw new ModelLoadException("model folder " + dir.toAbsolutePath() + " does not exist");
        }
        String suffix = switch (variant.toLowerCase(Locale.ROOT)) {
            case FP32 -> "";
            case QUANTIZED -> "_quantized";
            default -> throw new ModelLoadException("unknown model variant \"" + variant
                    + "\": use fp32 or quantized");
        };
        Path graphs = Files.isRegularFile(dir.resolve("onnx/encoder_model" + suffix + ".onnx"))
                ? dir.resolve("onnx") : dir;
        Path encoder = graphs.resolve("encoder_model" + suffix + ".onnx");
        Path first = graphs.resolve("decoder_model" + suffix + ".onnx");
        Path withPast = graphs.resolve("decoder_with_past_model" + suffix + ".onnx");
        Path merged = graphs.resolve("decoder_model_merged" + suffix + ".onnx");
        boolean hasSplit = Files.isRegularFile(first) && Files.isRegularFile(withPast);
        boolean hasMerged = Files.isRegularFile(merged);
        DecoderLayout layout = switch (decoder.toLowerCase(Locale.ROOT)) {
            // Merged first: it holds the decoder weights once, where the split pair holds them twice
            // (measured: 0.4 GB less resident with opus-mt-fr-en's size in fp32, and as fast).
            case "auto" -> hasMerged ? DecoderLayout.MERGED : hasSplit ? DecoderLayout.SPLIT : null;
            case "split" -> hasSplit ? DecoderLayout.SPLIT : null;
            case "merged" -> hasMerged ? DecoderLayout.MERGED : null;
            default -> throw new ModelLoadException("unknown decoder layout \"" + decoder
                    + "\": use auto, split or merged");
        };
        List<Path> missing = new ArrayList<>();
        if (!Files.isRegularFile(encoder)) {
            missing.add(encoder);
        }
        if (layout == null) {
            boolean wantedMerged = decoder.equalsIgnoreCase("merged")
                    || decoder.equalsIgnoreCase("auto") && !Files.isRegularFile(first);
            missing.add(wantedMerged ? merged : withPast);
        }
        ModelFiles files = new ModelFiles(dir, dir.resolve("config.json"),
                dir.resolve("generation_config.json"), dir.resolve("vocab.json"),
                dir.resolve("source.spm"), dir.resolve("target.spm"), variant.toLowerCase(Locale.ROOT),
                layout, encoder, layout == DecoderLayout.MERGED ? merged : first,
                layout == DecoderLayout.MERGED ? null : withPast);
        for (Path p : List.of(files.config, files.generationConfig, files.vocab, files.sourceSpm)) {
            if (!Files.isRegularFile(p)) {
                missing.add(p);
            }
        }
        if (!missing.isEmpty()) {
            throw new ModelLoadException("model folder " + dir.toAbsolutePath() + " is incomplete for the "
                    + variant + " variant; missing: " + missing);
        }
        return files;
    }

    /** The graphs this layout runs, for reporting sizes. */
    public List<Path> graphs() {
        return decoderWithPast == null ? List.of(encoder, decoder) : List.of(encoder, decoder, decoderWithPast);
    }
}
