package dev.passerelle.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Decoding rules from {@code generation_config.json}, with MarianMT's values where a field is absent. */
public record GenerationConfig(
        int decoderStartTokenId,
        int eosTokenId,
        int padTokenId,
        int numBeams,
        int maxLength,
        int[] badWordIds) {

    public static GenerationConfig read(Path file, MarianConfig model) {
        JsonNode json = JsonFiles.read(file);
        int pad = JsonFiles.optionalInt(json, "pad_token_id", model.padTokenId());
        List<Integer> bad = new ArrayList<>();
        // Only single-token bad words exist in Marian configs ([[pad]]); longer ones are ignored.
        for (JsonNode seq : json.path("bad_words_ids")) {
            if (seq.isArray() && seq.size() == 1 && seq.get(0).canConvertToInt()) {
                bad.add(seq.get(0).intValue());
            }
        }
        if (!bad.contains(pad)) {
            bad.add(pad);
        }
        int beams = JsonFiles.optionalInt(json, "num_beams", 1);
        int maxLength = JsonFiles.optionalInt(json, "max_length", model.maxPositions());
        if (beams < 1 || maxLength < 2) {
            throw new ModelLoadException(file + ": num_beams must be >= 1 and max_length >= 2");
        }
        return new GenerationConfig(
                JsonFiles.optionalInt(json, "decoder_start_token_id", pad),
                JsonFiles.optionalInt(json, "eos_token_id", model.eosTokenId()),
                pad,
                beams,
                Math.min(maxLength, model.maxPositions()),
                bad.stream().mapToInt(Integer::intValue).toArray());
    }
}
