package dev.passerelle.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the model's JSON files with errors that name the file and the field. */
final class JsonFiles {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonFiles() {
    }

    static JsonNode read(Path file) {
        try {
            JsonNode node = MAPPER.readTree(Files.readAllBytes(file));
            if (node == null || !node.isObject()) {
                throw new ModelLoadException(file + " is not a JSON object");
            }
            return node;
        } catch (NoSuchFileException e) {
            throw new ModelLoadException(file + " is missing");
        } catch (IOException e) {
            throw new ModelLoadException(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    static int requiredInt(JsonNode node, String field, Path file) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new ModelLoadException(file + " has no integer field \"" + field + "\"");
        }
        return value.intValue();
    }

    static int optionalInt(JsonNode node, String field, int fallback) {
        JsonNode value = node.get(field);
        return value != null && value.canConvertToInt() ? value.intValue() : fallback;
    }
}
