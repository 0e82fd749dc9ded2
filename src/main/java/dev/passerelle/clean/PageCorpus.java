package dev.passerelle.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * News pages paired with their articles' own text, as OrangeSum ships them: a {@code .tar.xz} of
 * {@code <dir>/<id>.html} pages and a {@code .jsonl.xz} of {@code {id, title, heading, article}}.
 * Pages without a text (and texts without a page) are left out.
 */
public final class PageCorpus {

    /** One page and the text its article really has: title, heading (the abstract) and body. */
    public record Page(String id, String html, String title, String heading, String article) {

        /** What a perfect extraction returns, as one text. */
        public String reference() {
            return title + "\n" + heading + "\n" + article;
        }
    }

    private PageCorpus() {
    }

    /** The pages of {@code pages} that have a text in {@code texts}, in the archive's order. */
    public static List<Page> read(Path pages, Path texts) throws IOException {
        Map<String, JsonNode> byId = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(xz(texts), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.isBlank()) {
                    JsonNode n = json.readTree(line);
                    byId.put(n.path("id").asText(), n);
                }
            }
        }
        List<Page> out = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(xz(pages))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                String name = Path.of(e.getName()).getFileName().toString();
                if (!e.isFile() || !name.endsWith(".html")) {
                    continue;
                }
                String id = name.substring(0, name.length() - ".html".length());
                String html = new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                JsonNode n = byId.get(id);
                if (n != null) {
                    out.add(new Page(id, html, n.path("title").asText(), n.path("heading").asText(),
                            n.path("article").asText()));
                }
            }
        }
        return out;
    }

    private static InputStream xz(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            return new XZInputStream(in.markSupported() ? in : new java.io.BufferedInputStream(in, 1 << 16));
        } catch (IOException e) {
            in.close();
            throw new IOException(file + " is not an .xz file: " + e.getMessage(), e);
        }
    }
}
