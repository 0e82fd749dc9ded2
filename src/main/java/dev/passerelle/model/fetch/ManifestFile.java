package dev.passerelle.model.fetch;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One file of a model repository.
 *
 * @param path path inside the repository, e.g. {@code onnx/encoder_model.onnx}
 * @param size bytes, or null when not pinned yet
 * @param sha256 hex SHA-256, or null when not pinned yet
 * @param variant {@code fp32} or {@code quantized} for graphs, null for files every variant needs
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ManifestFile(String path, Long size, String sha256, String variant) {

    boolean neededFor(String wanted) {
        return variant == null || wanted.equals("all") || variant.equals(wanted);
    }
}
