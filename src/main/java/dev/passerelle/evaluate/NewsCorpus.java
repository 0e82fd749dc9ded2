package dev.passerelle.evaluate;

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
import java.util.List;
import org.tukaani.xz.XZInputStream;

/** Reads an OrangeSum-style corpus: JSON lines with id, title, heading and article, xz-compressed or not. */
public final class NewsCorpus {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NewsCorpus() {
    }

    /** The first {@code limit} articles of {@code file} (all when {@code limit} is 0). */
    public static List<NewsArticle> read(Path file, int limit) throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in = file.toString().endsWith(".xz") ? new XZInputStream(raw) : raw;
            return read(in, limit, file.toString());
        }
    }

    /** The first {@code limit} articles of {@code in} (all when 0); {@code name} names it in errors. */
    public static List<NewsArticle> read(InputStream in, int limit, String name) throws IOException {
        List<NewsArticle> out = new ArrayList<>();
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null && (limit == 0 || out.size() < limit)) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            if (!n.hasNonNull("heading") || !n.hasNonNull("article")) {
                throw new IOException(name + " line " + number + " has no \"heading\" or \"article\"");
            }
            out.add(new NewsArticle(n.path("id").asText(""), n.path("title").asText(""), n.get("heading").asText(),
                    n.get("article").asText()));
        }
        return out;
    }
}
