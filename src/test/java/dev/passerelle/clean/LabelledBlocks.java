package dev.passerelle.clean;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The labelled blocks of {@code src/test/resources/clean/blocks.tsv}: pages of blocks, each marked
 * content or furniture (of a kind), in the shapes real news pages have.
 */
final class LabelledBlocks {

    static final Path FILE = Path.of("src/test/resources/clean/blocks.tsv");

    /** One block: its label ("content", a {@link Boilerplate} name, or "furniture" for any kind) and text. */
    record Labelled(String label, String text, String kept) {

        boolean content() {
            return label.equals("content");
        }

        /** The kind the label names, or null for content and for "furniture" (any kind). */
        Boilerplate kind() {
            return content() || label.equals("furniture") ? null : Boilerplate.valueOf(label.toUpperCase(Locale.ROOT));
        }
    }

    private LabelledBlocks() {
    }

    /** The pages, by name, their blocks in order. */
    static Map<String, List<Labelled>> pages() {
        Map<String, List<Labelled>> pages = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(FILE)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                pages.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Labelled(f[1], f[2], f.length > 3 ? f[3] : f[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    /** A page's blocks as a plain text, a line each. */
    static String text(List<Labelled> blocks) {
        return String.join("\n", blocks.stream().map(Labelled::text).toList());
    }
}
