package dev.passerelle.glossary;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The server's glossaries: one per {@code NAME.tsv} or {@code NAME.csv} file of a folder, read
 * again when a file changes (looked at, on use, at most every {@code recheck}). A file that cannot
 * be read leaves the last good version of its glossary in use, and the listing says what is wrong
 * (file and line) until it is fixed; a removed file removes its glossary. Thread-safe.
 */
public final class GlossaryStore {

    private static final Logger LOG = Logger.getLogger(GlossaryStore.class);
    /** A glossary's name: what a request may say in {@code glossary_id}. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    /** A glossary as listed: its name, its entries in use, and the error of its file's latest version, if any. */
    public record Listing(String name, int entries, String error) {
    }

    private record Loaded(Path file, FileTime modified, long size, Glossary glossary, String error) {
    }

    private final Optional<Path> dir;
    private final int maxEntries;
    private final long recheckNanos;
    private final LongSupplier clock;
    private Map<String, Loaded> loaded = Map.of();
    /** Names given by two files (a .tsv and a .csv), as of the last look: said in the listing. */
    private Map<String, String> conflicts = Map.of();
    private long checkedAt;
    private boolean checked;

    public GlossaryStore(Optional<Path> dir, int maxEntries, Duration recheck) {
        this(dir, maxEntries, recheck, System::nanoTime);
    }

    GlossaryStore(Optional<Path> dir, int maxEntries, Duration recheck, LongSupplier clock) {
        this.dir = dir;
        this.maxEntries = maxEntries;
        this.recheckNanos = recheck.toNanos();
        this.clock = clock;
    }

    /** The glossary named {@code name}, as last read well; empty when there is none of that name. */
    public Optional<Glossary> get(String name) {
        Loaded l = current().get(name);
        return l == null || l.glossary == null ? Optional.empty() : Optional.of(l.glossary);
    }

    /** Every glossary, by name. */
    public synchronized List<Listing> list() {
        List<Listing> out = new ArrayList<>();
        current().forEach((name, l) -> out.add(new Listing(name, l.glossary == null ? 0 : l.glossary.entries().size(),
                l.error != null ? l.error : conflicts.get(name))));
        return out;
    }

    private synchronized Map<String, Loaded> current() {
        long now = clock.getAsLong();
        if (dir.isPresent() && (!checked || now - checkedAt >= recheckNanos)) {
            loaded = scan(dir.get(), loaded);
            checked = true;
            checkedAt = now;
        }
        return loaded;
    }

    private Map<String, Loaded> scan(Path folder, Map<String, Loaded> before) {
        Map<String, Loaded> now = new TreeMap<>();
        conflicts = new HashMap<>();
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> in = Files.newDirectoryStream(folder)) {
            in.forEach(files::add);
        } catch (IOException e) {
            LOG.warnf("glossary folder %s cannot be read (%s): keeping the glossaries already read", folder, e.getMessage());
            return before;
        }
        files.sort(null);
        Map<String, Path> seen = new HashMap<>();
        for (Path file : files) {
            if (!GlossaryFile.named(file) || !Files.isRegularFile(file)) {
                continue;
            }
            String name = GlossaryFile.name(file);
            if (!NAME.matcher(name).matches()) {
                LOG.warnf("glossary file %s is ignored: a name is letters, digits, '.', '_' and '-', 64 at most", file);
                continue;
            }
            if (seen.putIfAbsent(name, file) != null) {
                conflicts.put(name, "both " + seen.get(name).getFileName() + " and " + file.getFileName() + " exist; "
                        + seen.get(name).getFileName() + " is used");
                continue;
            }
            now.put(name, load(file, before.get(name)));
        }
        return java.util.Collections.unmodifiableMap(now);
    }

    private Loaded load(Path file, Loaded before) {
        FileTime modified;
        long size;
        try {
            modified = Files.getLastModifiedTime(file);
            size = Files.size(file);
        } catch (IOException e) {
            return new Loaded(file, null, -1, before == null ? null : before.glossary, file.getFileName() + ": " + e.getMessage());
        }
        if (before != null && before.file.equals(file) && modified.equals(before.modified) && size == before.size) {
            return before;
        }
        try {
            Glossary g = GlossaryFile.read(file, maxEntries);
            if (before != null) {
                LOG.infof("glossary %s read again: %d entries", GlossaryFile.name(file), g.entries().size());
            }
            return new Loaded(file, modified, size, g, null);
        } catch (GlossaryFormatException | IOException | RuntimeException | OutOfMemoryError e) {
            Glossary kept = before == null ? null : before.glossary;
            LOG.warnf("glossary %s not read: %s; %s", file, e.getMessage(),
                    kept == null ? "it is not available" : "its previous version stays in use");
            return new Loaded(file, modified, size, kept, e.getMessage());
        }
    }
}
