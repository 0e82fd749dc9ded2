package dev.passerelle.model.fetch;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code DIR.partial} between runs, with its state in {@code passerelle-partial.json}: the revision
 * its files come from and each verified file's size and SHA-256. A resumed fetch therefore never
 * mixes two revisions, and never installs a file that changed after it was verified.
 */
final class PartialFolder {

    static final String STATE_FILE = "passerelle-partial.json";
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * What the folder holds.
     *
     * @param revision the manifest's revision (a branch, tag or commit)
     * @param resolved what the server resolved it to (its {@code X-Repo-Commit}), or the revision
     *        itself when the server names no commit; null until the first answer
     */
    record State(String repository, String revision, String resolved, Map<String, Verified> files) {
    }

    /** A file that passed verification, as it was then. */
    record Verified(long size, String sha256) {
    }

    /** The server now resolves the revision to another commit than the partial files come from. */
    static final class RevisionMoved extends FetchException {
        RevisionMoved(String revision, String from, String to) {
            super(revision + " moved from " + from + " to " + to);
        }
    }

    private final Path dir;
    private State state;

    private PartialFolder(Path dir, State state) {
        this.dir = dir;
        this.state = state;
    }

    /**
     * Opens {@code dir} for {@code manifest}, emptying it first when it holds another repository or
     * revision, or files without a state (left by an older Passerelle): their origin is unknown.
     */
    static PartialFolder open(Path dir, Manifest manifest, FetchListener listener) throws IOException {
        Files.createDirectories(dir);
        State state = read(dir.resolve(STATE_FILE));
        if (state != null && state.repository().equals(manifest.repository())
                && state.revision().equals(manifest.revision())) {
            return new PartialFolder(dir, state);
        }
        if (holdsFiles(dir)) {
            listener.warn(dir + " holds files of " + (state == null ? "an unknown revision"
                    : state.repository() + "@" + state.revision()) + ": starting over");
        }
        PartialFolder fresh = new PartialFolder(dir, null);
        fresh.discard(manifest);
        return fresh;
    }

    Path dir() {
        return dir;
    }

    /** The commit the files come from, or the manifest's revision when the server names none. */
    String resolved() {
        return state.resolved() != null ? state.resolved() : state.revision();
    }

    /**
     * Checks the commit a response names before any of its bytes are written: the first answer fixes
     * the revision of the whole folder, and any later one naming another commit throws.
     */
    void confirm(Optional<String> commit) throws IOException, RevisionMoved {
        if (state.resolved() == null) {
            state = new State(state.repository(), state.revision(), commit.orElse(state.revision()), state.files());
            save();
        } else if (commit.isPresent() && COMMIT.matcher(state.resolved()).matches()
                && !commit.get().equals(state.resolved())) {
            throw new RevisionMoved(state.repository() + "@" + state.revision(), state.resolved(), commit.get());
        }
    }

    /** Records that {@code path} passed verification with this size and SHA-256. */
    void verified(String path, long size, String sha256) throws IOException {
        state.files().put(path, new Verified(size, sha256));
        save();
    }

    /** The SHA-256 of {@code path} if it was verified and its bytes are still the same; else empty. */
    Optional<String> unchanged(String path) throws IOException {
        Verified v = state.files().get(path);
        Path file = dir.resolve(path);
        if (v == null || !Files.isRegularFile(file) || Files.size(file) != v.size()) {
            return Optional.empty();
        }
        String sha = Checksums.sha256(file);
        return sha.equals(v.sha256()) ? Optional.of(sha) : Optional.empty();
    }

    /** Forgets that {@code path} was verified: it is about to be fetched again. */
    void forget(String path) throws IOException {
        state.files().remove(path);
        Files.deleteIfExists(dir.resolve(path));
        save();
    }

    /** Empties the folder, so the next files start a new revision. */
    void discard(Manifest manifest) throws IOException {
        ModelFetcher.deleteTree(dir);
        Files.createDirectories(dir);
        state = new State(manifest.repository(), manifest.revision(), null, new TreeMap<>());
        save();
    }

    /** Removes the state file: the folder is complete and about to become the model. */
    void complete() throws IOException {
        Files.deleteIfExists(dir.resolve(STATE_FILE));
    }

    private void save() throws IOException {
        // Written beside and renamed, so a crash never leaves half a state file.
        Path tmp = dir.resolve(STATE_FILE + ".tmp");
        MAPPER.writeValue(tmp.toFile(), state);
        Files.move(tmp, dir.resolve(STATE_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static State read(Path file) {
        try {
            State s = MAPPER.readValue(file.toFile(), State.class);
            return s.repository() == null || s.revision() == null || s.files() == null ? null
                    : new State(s.repository(), s.revision(), s.resolved(), new TreeMap<>(s.files()));
        } catch (IOException e) {
            return null; // missing or unreadable: the folder's files are of unknown origin
        }
    }

    private static boolean holdsFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(p -> !p.getFileName().toString().startsWith(STATE_FILE));
        }
    }
}
