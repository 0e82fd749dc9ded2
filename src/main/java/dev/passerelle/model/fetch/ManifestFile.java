package dev.passerelle.model.fetch;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One file of a model repository.
 *
 * @param path path inside the repository, e.g. {@code onnx/encoder_model.onnx}
 * @param size bytes, or null when not pinned yet
 * @param sha256 hex SHA-256, or null when not pinned yet
 * @param variant {@code fp32} or {@code quantized} for graphs, null for files every variant needs
 * @param decoder {@code split} or {@code merged} for decoder graphs, null for files both layouts need
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ManifestFile(String path, Long size, String sha256, String variant, String decoder) {

    /** The same file with its measured size and checksum. */
    ManifestFile verified(long measuredSize, String measuredSha256) {
        return new ManifestFile(path, measuredSize, measuredSha256, variant, decoder);
    }
}
