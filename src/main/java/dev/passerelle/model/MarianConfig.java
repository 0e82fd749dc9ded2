package dev.passerelle.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/** The parts of a MarianMT {@code config.json} that the engine needs. */
public record MarianConfig(
        String name,
        int dModel,
        int encoderLayers,
        int decoderLayers,
        int decoderHeads,
        int vocabSize,
        int maxPositions,
        int padTokenId,
        int eosTokenId) {

    /** Width of one attention head. */
    public int headDim() {
        return dModel / decoderHeads;
    }

    public static MarianConfig read(Path file) {
        JsonNode json = JsonFiles.read(file);
        int dModel = JsonFiles.requiredInt(json, "d_model", file);
        int heads = JsonFiles.requiredInt(json, "decoder_attention_heads", file);
        if (heads <= 0 || dModel % heads != 0) {
            throw new ModelLoadException(file + ": d_model " + dModel + " is not a multiple of "
                    + "decoder_attention_heads " + heads);
        }
        return new MarianConfig(
                json.path("_name_or_path").asText("unknown"),
                dModel,
                JsonFiles.requiredInt(json, "encoder_layers", file),
                JsonFiles.requiredInt(json, "decoder_layers", file),
                heads,
                JsonFiles.requiredInt(json, "vocab_size", file),
                JsonFiles.optionalInt(json, "max_position_embeddings", 512),
                JsonFiles.requiredInt(json, "pad_token_id", file),
                JsonFiles.optionalInt(json, "eos_token_id", 0));
    }
}
