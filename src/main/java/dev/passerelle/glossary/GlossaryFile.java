package dev.passerelle.glossary;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a glossary file: UTF-8, one entry per line, {@code source}, {@code target} and an optional
 * third column {@code exact} (match the source's case) or {@code ignore} (the default); tab-separated
 * in {@code .tsv}, comma-separated with CSV quoting in {@code .csv}. Blank lines and lines starting
 * with {@code #} are skipped, as is a first line {@code source, target[, case]}.
 */
public final class GlossaryFile {

    /** The largest glossary file read: far beyond any newsroom's terms (5,000 entries take about 200 KB). */
    public static final long MAX_BYTES = 8L << 20;
    // Tab-separated values have no quoting: a quote is part of a term.
    private static final CSVFormat TSV = CSVFormat.TDF.builder().setQuote(null).setIgnoreEmptyLines(true)
            .setTrim(true).get();
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true)
            .setTrim(true).get();

    private GlossaryFile() {
    }

    /** Whether {@code file} is named as a glossary: {@code NAME.tsv} or {@code NAME.csv}. */
    static boolean named(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".tsv") || n.endsWith(".csv");
    }

    /** The glossary's name: the file's, without its extension. */
    static String name(Path file) {
        String n = file.getFileName().toString();
        return n.substring(0, n.length() - 4);
    }

    /** The entries of {@code file}; at most {@code maxEntries}. */
    public static Glossary read(Path file, int maxEntries) throws GlossaryFormatException, IOException {
        String label = file.getFileName().toString();
        if (Files.size(file) > MAX_BYTES) {
            throw new GlossaryFormatException(label + ": larger than " + (MAX_BYTES >> 20) + " MB; a glossary is a list of terms");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new GlossaryFormatException(label + ": not UTF-8 text");
        }
        return parse(text, label, maxEntries);
    }

    /** The entries of {@code text}, a file named {@code label}. */
    static Glossary parse(String text, String label, int maxEntries) throws GlossaryFormatException {
        CSVFormat format = label.toLowerCase(Locale.ROOT).endsWith(".csv") ? CSV : TSV;
        List<GlossaryEntry> entries = new ArrayList<>();
        // Where each line starts, to name the line of a record from its character position.
        List<Integer> lineStarts = new ArrayList<>();
        lineStarts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                lineStarts.add(i + 1);
            }
        }
        try (CSVParser parser = format.parse(new StringReader(text.startsWith("\uFEFF") ? " " + text.substring(1) : text))) {
            Iterator<CSVRecord> records = parser.iterator();
            boolean started = false;
            while (true) {
                CSVRecord r;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    r = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    Throwable why = e.getCause() != null ? e.getCause() : e;
                    throw new GlossaryFormatException(label + " near line " + Math.max(1, parser.getCurrentLineNumber())
                            + ": " + why.getMessage());
                }
                // The parser gives where it started reading the record, before the blank lines it skipped.
                int at = (int) Math.min(text.length(), r.getCharacterPosition());
                while (at < text.length() && (text.charAt(at) == '\n' || text.charAt(at) == '\r')) {
                    at++;
                }
                int found = java.util.Collections.binarySearch(lineStarts, at);
                long line = found >= 0 ? found + 1 : -found - 1;
                if (r.get(0).startsWith("#")) {
                    continue; // a comment (commons-csv's own marker would hide where the next record starts)
                }
                boolean first = !started;
                started = true;
                if (first && r.size() >= 2 && r.get(0).equalsIgnoreCase("source") && r.get(1).equalsIgnoreCase("target")) {
                    continue; // a header line
                }
                if (entries.size() == maxEntries) {
                    throw new GlossaryFormatException(label + " line " + line + ": more than " + maxEntries
                            + " entries (passerelle.glossary.max-entries)");
                }
                entries.add(entry(r, label, line));
            }
        } catch (IOException e) {
            throw new GlossaryFormatException(label + ": " + e.getMessage());
        }
        return new Glossary(entries);
    }

    private static GlossaryEntry entry(CSVRecord r, String label, long line) throws GlossaryFormatException {
        if (r.size() < 2 || r.size() > 3) {
            throw new GlossaryFormatException(label + " line " + line + ": expected source, target and optionally "
                    + "exact or ignore; found " + r.size() + " column(s)");
        }
        String rule = r.size() == 3 ? r.get(2).toLowerCase(Locale.ROOT) : "";
        if (!rule.isEmpty() && !rule.equals("exact") && !rule.equals("ignore")) {
            throw new GlossaryFormatException(label + " line " + line + ": the third column is \"exact\" or \"ignore\", not \""
                    + r.get(2) + "\"");
        }
        try {
            return new GlossaryEntry(r.get(0), r.get(1), rule.equals("exact"));
        } catch (IllegalArgumentException e) {
            throw new GlossaryFormatException(label + " line " + line + ": " + e.getMessage());
        }
    }
}
