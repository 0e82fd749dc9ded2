package dev.passerelle.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.Fixture;
import dev.passerelle.translate.BatchLimits;
import dev.passerelle.translate.DecodeOptions;
import dev.passerelle.translate.Hypothesis;
import dev.passerelle.translate.Source;
import dev.passerelle.translate.MarianEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layout discovery: graphs beside the JSON files or under onnx/, variants, and clear errors. */
class ModelFilesTest {

    private static final List<String> JSON_AND_SPM = List.of("config.json", "generation_config.json", "vocab.json",
            "source.spm", "target.spm");
    private static final List<String> GRAPHS = List.of("encoder_model", "decoder_model", "decoder_with_past_model",
            "decoder_model_merged");

    /** Copies the fixture, graphs under {@code graphDir} with {@code suffix}, leaving out {@code skip}. */
    static Path copyFixture(Path dir, String graphDir, String suffix, List<String> graphs) throws IOException {
        Files.createDirectories(dir.resolve(graphDir));
        for (String f : JSON_AND_SPM) {
            Files.copy(Fixture.MODEL_DIR.resolve(f), dir.resolve(f));
        }
        for (String g : graphs) {
            Files.copy(Fixture.MODEL_DIR.resolve(g + ".onnx"), dir.resolve(graphDir).resolve(g + suffix + ".onnx"));
        }
        return dir;
    }

    @Test
    void graphsInAnOnnxSubfolderTranslate(@TempDir Path dir) throws IOException {
        copyFixture(dir, "onnx", "", List.of("encoder_model", "decoder_model", "decoder_with_past_model"));
        ModelFiles files = ModelFiles.locate(dir, Variant.FP32, DecoderChoice.AUTO);
        assertEquals(dir.resolve("onnx/encoder_model.onnx"), files.encoder());
        assertEquals(DecoderLayout.SPLIT, files.layout());
        Fixture.Case c = Fixture.cases().get(1);
        try (MarianEngine engine = MarianEngine.load(files, OnnxOptions.DEFAULT, BatchLimits.DEFAULT)) {
            Hypothesis h = engine.generate(Source.of(List.of(c.inputIds())), new DecodeOptions(4, false, 2.0, 10)).get(0);
            assertArrayEquals(c.expectedIds(4), h.tokens());
        }
    }

    @Test
    void quantizedVariantPicksTheQuantizedGraphs(@TempDir Path dir) throws IOException {
        copyFixture(dir, "onnx", "_quantized", GRAPHS);
        ModelFiles files = ModelFiles.locate(dir, Variant.QUANTIZED, DecoderChoice.AUTO);
        assertEquals(dir.resolve("onnx/decoder_model_merged_quantized.onnx"), files.decoder());
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelFiles.locate(dir, Variant.FP32, DecoderChoice.AUTO));
        assertTrue(e.getMessage().contains("encoder_model.onnx"), e.getMessage());
    }

    @Test
    void mergedOnlyFolderUsesTheMergedDecoder(@TempDir Path dir) throws IOException {
        copyFixture(dir, ".", "", List.of("encoder_model", "decoder_model_merged"));
        ModelFiles files = ModelFiles.locate(dir, Variant.FP32, DecoderChoice.AUTO);
        assertEquals(DecoderLayout.MERGED, files.layout());
        assertThrows(ModelLoadException.class, () -> ModelFiles.locate(dir, Variant.FP32, DecoderChoice.SPLIT));
    }

    @Test
    void autoPrefersTheMergedDecoderWhenBothLayoutsAreThere() {
        assertEquals(DecoderLayout.MERGED, ModelFiles.locate(Fixture.MODEL_DIR, Variant.FP32, DecoderChoice.AUTO).layout());
        assertEquals(DecoderLayout.SPLIT, ModelFiles.locate(Fixture.MODEL_DIR, Variant.FP32, DecoderChoice.SPLIT).layout());
    }

    @Test
    void missingFilesAreNamed(@TempDir Path dir) throws IOException {
        copyFixture(dir, ".", "", List.of("encoder_model", "decoder_model"));
        Files.delete(dir.resolve("vocab.json"));
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelFiles.locate(dir, Variant.FP32, DecoderChoice.AUTO));
        assertTrue(e.getMessage().contains("decoder_with_past_model.onnx"), e.getMessage());
        assertTrue(e.getMessage().contains("vocab.json"), e.getMessage());
    }

    @Test
    void malformedConfigIsNamed(@TempDir Path dir) throws IOException {
        copyFixture(dir, ".", "", GRAPHS);
        Files.writeString(dir.resolve("config.json"), "{\"d_model\": 64,");
        ModelLoadException e = assertThrows(ModelLoadException.class,
                () -> MarianEngine.load(ModelFiles.locate(dir, Variant.FP32, DecoderChoice.AUTO), OnnxOptions.DEFAULT, BatchLimits.DEFAULT));
        assertTrue(e.getMessage().contains(dir.resolve("config.json").toString()), e.getMessage());
    }

    @Test
    void brokenGraphIsNamed(@TempDir Path dir) throws IOException {
        copyFixture(dir, ".", "", GRAPHS);
        Files.write(dir.resolve("decoder_model_merged.onnx"), new byte[] {1, 2, 3, 4});
        ModelLoadException e = assertThrows(ModelLoadException.class,
                () -> MarianEngine.load(ModelFiles.locate(dir, Variant.FP32, DecoderChoice.AUTO), OnnxOptions.DEFAULT, BatchLimits.DEFAULT));
        assertTrue(e.getMessage().contains("decoder_model_merged.onnx"), e.getMessage());
    }
}
