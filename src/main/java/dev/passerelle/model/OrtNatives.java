package dev.passerelle.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.zip.CRC32;
import org.jboss.logging.Logger;

/**
 * Unpacks ONNX Runtime's native libraries once into DJL's cache folder and points the runtime
 * there ({@code onnxruntime.native.path}). Left alone, the runtime inflates a fresh 28 MB copy into
 * a temporary folder at every start, which cost half a second of each start-up on a 2-core machine.
 * The folder is named after the JNI library's checksum, so another runtime version unpacks beside
 * it; files are written under a temporary name, flushed to disk and moved into place, so two
 * processes starting together never load a half-written library. A folder is used only when this
 * process's user (or root) owns it, and reused only when its libraries are the sizes its completion
 * mark records: the runtime loads whatever file the property names, without falling back, and a
 * truncated library crashes the JVM. Where nothing can be written, the runtime does as it always
 * did, and the log says why.
 */
public final class OrtNatives {

    private static final Logger LOG = Logger.getLogger(OrtNatives.class);
    static final String PROPERTY = "onnxruntime.native.path";
    private static final String RUNTIME = "libonnxruntime.so";
    private static final String JNI = "libonnxruntime4j_jni.so";
    private static final String COMPLETE = ".complete";
    private static final long ABANDONED_AFTER_MILLIS = 10 * 60_000;
    private static boolean done;

    private OrtNatives() {
    }

    /** Sets up the cached copy, once per process; must run before the runtime's first class loads. */
    public static synchronized void useCache() {
        if (done) {
            return;
        }
        done = true;
        String platform = platform();
        if (System.getProperty(PROPERTY) != null || platform == null) {
            return; // the operator chose a folder, or a platform whose library names differ: the runtime's own way
        }
        Path root = cacheRoot(System.getenv(), System.getProperties());
        try {
            Path dir = unpack(root, platform);
            if (dir != null) {
                System.setProperty(PROPERTY, dir.toString());
            }
        } catch (IOException | RuntimeException e) {
            // Only start-up is slower (half a second): worth a line, so an operator can give it a folder.
            LOG.warnf("ONNX Runtime's native libraries are not cached under %s (%s: %s); the runtime unpacks "
                    + "them to a temporary folder at each start. Set DJL_CACHE_DIR to a writable folder to cache them",
                    root, e.getClass().getSimpleName(), e.getMessage());
        }
    }

    /** The folder under {@code root} holding this runtime's libraries, unpacked if not yet there; null if the jar lacks them. */
    static Path unpack(Path root, String platform) throws IOException {
        String base = "/ai/onnxruntime/native/" + platform + "/";
        byte[] jni = resource(base + JNI);
        if (jni == null) {
            return null;
        }
        CRC32 crc = new CRC32();
        crc.update(jni);
        Path dir = root.resolve("onnxruntime").resolve(platform + "-" + Long.toHexString(crc.getValue()));
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
        }
        for (Path p = dir; p != null && p.startsWith(root); p = p.getParent()) {
            requireTrusted(p);
        }
        if (!whole(dir, jni)) {
            byte[] runtime = resource(base + RUNTIME);
            if (runtime == null) {
                return null;
            }
            removeAbandonedParts(dir);
            place(dir, RUNTIME, runtime);
            place(dir, JNI, jni);
            // Last: it says both libraries are whole, and how long each is.
            place(dir, COMPLETE, (runtime.length + " " + jni.length).getBytes(StandardCharsets.US_ASCII));
        }
        return dir;
    }

    /**
     * Whether {@code dir} holds both libraries as an unpack left them: the JNI library byte for byte
     * (it is small), the runtime at the size the completion mark records. An older, empty mark, a
     * library deleted or truncated since (a crash before the disk had it, a cleaner) means unpack again.
     */
    private static boolean whole(Path dir, byte[] jni) throws IOException {
        Path mark = dir.resolve(COMPLETE);
        if (!Files.isRegularFile(mark, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        String[] sizes = Files.readString(mark, StandardCharsets.US_ASCII).trim().split(" ");
        Path runtime = dir.resolve(RUNTIME);
        Path jniFile = dir.resolve(JNI);
        return sizes.length == 2 && sizes[1].equals(Integer.toString(jni.length))
                && Files.isRegularFile(runtime, LinkOption.NOFOLLOW_LINKS)
                && Long.toString(Files.size(runtime)).equals(sizes[0])
                && Files.isRegularFile(jniFile, LinkOption.NOFOLLOW_LINKS)
                && Files.size(jniFile) == jni.length && Arrays.equals(Files.readAllBytes(jniFile), jni);
    }

    /**
     * Refuses a folder owned by another user (root aside): its owner could swap in a library of its
     * own, which this process would then run. Matters where the cache falls back to a shared /tmp.
     */
    private static void requireTrusted(Path folder) throws IOException {
        Object owner = Files.getAttribute(folder, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        Object self = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        if (!owner.equals(self) && !owner.equals(0)) {
            throw new IOException(folder + " belongs to user " + owner + ", not to this process's user " + self);
        }
    }

    /**
     * Deletes partial files a killed start left (28 MB each, one per crash); another process's
     * unpack in progress writes its parts within seconds, so only old ones go.
     */
    private static void removeAbandonedParts(Path dir) throws IOException {
        long before = System.currentTimeMillis() - ABANDONED_AFTER_MILLIS;
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.getFileName().toString().endsWith(".part")
                        && Files.getLastModifiedTime(f, LinkOption.NOFOLLOW_LINKS).toMillis() < before) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private static void place(Path dir, String name, byte[] bytes) throws IOException {
        Path part = Files.createTempFile(dir, name, ".part");
        try {
            Files.write(part, bytes);
            try (FileChannel out = FileChannel.open(part, StandardOpenOption.WRITE)) {
                out.force(true); // on disk before its final name: after a power cut, never a name over a hole
            }
            Files.move(part, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = OrtNatives.class.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    /**
     * DJL's cache folder, chosen as DJL chooses it for its own native libraries (containers make it
     * writable): {@code DJL_CACHE_DIR}, the variable before the property; else {@code .djl.ai} in the
     * home folder, or in the temporary folder when the home cannot be written. A home that is not an
     * absolute path counts as none: without a passwd entry ({@code --user 10001}) Java's home is
     * "?", and the cache would land in whatever folder the service was started from.
     */
    static Path cacheRoot(Map<String, String> env, Properties system) {
        String dir = env.get("DJL_CACHE_DIR");
        if (dir == null || dir.isBlank()) {
            dir = system.getProperty("DJL_CACHE_DIR");
        }
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        Path home = Path.of(system.getProperty("user.home", ""));
        Path base = home.isAbsolute() && Files.isWritable(home) ? home : Path.of(system.getProperty("java.io.tmpdir"));
        return base.resolve(".djl.ai");
    }

    /** The jar's folder name for this machine, or null where this class does not know the names. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux")) {
            return null;
        }
        return switch (arch) {
            case "amd64", "x86_64" -> "linux-x64";
            case "aarch64" -> "linux-aarch64";
            default -> null;
        };
    }
}
