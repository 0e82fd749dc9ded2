package dev.passerelle.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where an installed model came from, written by the fetch command into the model folder as
 * {@code passerelle-model.json} and reported by {@code GET /v1/models}.
 */
public record ModelProvenance(String id, String repository, String revision, String fetchedAt) {

    public static final String FILE = "passerelle-model.json";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The provenance of {@code modelDir}, if the fetch command installed it. */
    public static Optional<ModelProvenance> read(Path modelDir) {
        Path file = modelDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readValue(file.toFile(), ModelProvenance.class));
        } catch (IOException e) {
            throw new ModelLoadException(file + " is not valid: " + e.getMessage(), e);
        }
    }

    public void write(Path modelDir) throws IOException {
        MAPPER.writeValue(modelDir.resolve(FILE).toFile(), this);
    }
}
