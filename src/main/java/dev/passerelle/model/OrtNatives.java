package dev.passerelle.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.zip.CRC32;
import org.jboss.logging.Logger;

/**
 * Unpacks ONNX Runtime's native libraries once into DJL's cache folder and points the runtime
 * there ({@code onnxruntime.native.path}). Left alone, the runtime inflates a fresh 28 MB copy into
 * a temporary folder at every start, which cost half a second of each start-up on a 2-core machine.
 * The folder is named after the JNI library's checksum, so another runtime version unpacks beside
 * it; files are written under a temporary name and moved into place, so two processes starting
 * together never load a half-written library. Where nothing can be written, the runtime does as it
 * always did.
 */
public final class OrtNatives {

    private static final Logger LOG = Logger.getLogger(OrtNatives.class);
    static final String PROPERTY = "onnxruntime.native.path";
    private static final String RUNTIME = "libonnxruntime.so";
    private static final String JNI = "libonnxruntime4j_jni.so";
    private static final String COMPLETE = ".complete";
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
        try {
            Path dir = unpack(cacheRoot(), platform);
            if (dir != null) {
                System.setProperty(PROPERTY, dir.toString());
            }
        } catch (IOException | RuntimeException e) {
            LOG.debugf("ONNX Runtime unpacks its native libraries to a temporary folder: %s", e.getMessage());
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
        if (!Files.exists(dir.resolve(COMPLETE))) {
            byte[] runtime = resource(base + RUNTIME);
            if (runtime == null) {
                return null;
            }
            Files.createDirectories(dir);
            place(dir, RUNTIME, runtime);
            place(dir, JNI, jni);
            place(dir, COMPLETE, new byte[0]); // last: its presence says both libraries are whole
        }
        return dir;
    }

    private static void place(Path dir, String name, byte[] bytes) throws IOException {
        Path part = Files.createTempFile(dir, name, ".part");
        try {
            Files.write(part, bytes);
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

    /** DJL's cache folder, where DJL unpacks its own native libraries (containers make it writable). */
    static Path cacheRoot() {
        String dir = System.getProperty("DJL_CACHE_DIR", System.getenv("DJL_CACHE_DIR"));
        return dir != null && !dir.isBlank() ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".djl.ai");
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
