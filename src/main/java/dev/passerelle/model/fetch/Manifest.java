package dev.passerelle.model.fetch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What to download for a model: a Hugging Face repository pinned at a revision, and its files
 * with sizes and SHA-256 checksums. {@code models/opus-mt-fr-en.json} is the production one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(String id, String repository, String revision, String baseUrl, List<ManifestFile> files) {

    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static Manifest read(Path file) throws IOException {
        Manifest m = MAPPER.readValue(file.toFile(), Manifest.class);
        if (m.repository == null || m.revision == null || m.files == null || m.files.isEmpty()) {
            throw new IOException(file + " needs repository, revision and files");
        }
        for (ManifestFile f : m.files) {
            if (f.path() == null || f.path().startsWith("/") || f.path().contains("..")) {
                throw new IOException(file + ": bad file path " + f.path());
            }
        }
        return m;
    }

    public void write(Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), this);
    }

    /** Whether the revision is a commit hash (files cannot change under it) and every file is checksummed. */
    public boolean pinned() {
        return COMMIT.matcher(revision).matches() && files.stream().allMatch(f -> f.sha256() != null && f.size() != null);
    }

    /** Download address of {@code file} under {@code base} (the Hub or a mirror of it). */
    public String url(String base, ManifestFile file) {
        String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return b + "/" + repository + "/resolve/" + revision + "/" + file.path();
    }
}
