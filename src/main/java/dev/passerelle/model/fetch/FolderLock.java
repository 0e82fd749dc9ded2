package dev.passerelle.model.fetch;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a model folder while it is being fetched ({@code DIR.lock} beside it), so
 * two fetches never write the same partial files: two init containers on one volume, or dev mode
 * reloading while its first fetch still runs. The lock file stays; holding the OS lock is what counts.
 */
final class FolderLock implements AutoCloseable {

    private static final long POLL_MILLIS = 500;

    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits until no other fetch holds {@code dir}, telling the listener once that it waits. */
    static FolderLock acquire(Path dir, FetchListener listener) throws IOException, InterruptedException {
        Path file = dir.resolveSibling(dir.getFileName() + ".lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        boolean told = false;
        try {
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null; // held by another fetch in this same JVM
                }
                if (lock != null) {
                    return new FolderLock(channel, lock);
                }
                if (!told) {
                    listener.info("waiting for another fetch into " + dir + " to finish (" + file + ")");
                    told = true;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
