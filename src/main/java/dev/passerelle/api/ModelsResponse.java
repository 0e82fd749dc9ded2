package dev.passerelle.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** Answer of {@code GET /v1/models}: the model this instance serves, or why it serves none. */
public record ModelsResponse(List<ModelView> models) {

    /** One model with its files, dimensions and decoding defaults. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ModelView(
            String id,
            String status,
            String message,
            String repository,
            String revision,
            String variant,
            String decoder,
            Map<String, Long> files,
            Long totalBytes,
            Dimensions dimensions,
            Decoding decoding) {
    }

    /** Architecture figures from config.json. */
    public record Dimensions(int vocabSize, int dModel, int encoderLayers, int decoderLayers, int heads,
                             int maxPositions) {
    }

    /** Decoding defaults used when a request does not say otherwise. */
    public record Decoding(int beams, int maxBeams, int maxLength, double maxLengthRatio, int maxLengthOffset,
                           boolean repetitionGuard, int maxBatchSentences, int maxBatchTokens) {
    }
}
