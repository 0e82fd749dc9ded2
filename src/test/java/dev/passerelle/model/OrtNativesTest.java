package dev.passerelle.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ONNX Runtime's native libraries unpacked once into the cache, byte for byte, and reused. */
class OrtNativesTest {

    @TempDir
    Path cache;

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = OrtNatives.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void unpacksBothLibrariesOnceAndReusesThem() throws IOException {
        String platform = OrtNatives.platform();
        assumeTrue(platform != null, "the cache is used on Linux x64 and aarch64 only");
        Path dir = OrtNatives.unpack(cache, platform);
        assertNotNull(dir);
        assertTrue(dir.startsWith(cache.resolve("onnxruntime")));
        String base = "/ai/onnxruntime/native/" + platform + "/";
        assertArrayEquals(resource(base + "libonnxruntime4j_jni.so"), Files.readAllBytes(dir.resolve("libonnxruntime4j_jni.so")));
        assertEquals(resource(base + "libonnxruntime.so").length, Files.size(dir.resolve("libonnxruntime.so")));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".part")), "no partial file left behind");
        }
        FileTime written = Files.getLastModifiedTime(dir.resolve("libonnxruntime.so"));
        Files.setLastModifiedTime(dir.resolve("libonnxruntime.so"), FileTime.fromMillis(written.toMillis() - 60_000));
        FileTime aged = Files.getLastModifiedTime(dir.resolve("libonnxruntime.so"));
        assertEquals(dir, OrtNatives.unpack(cache, platform));
        assertEquals(aged, Files.getLastModifiedTime(dir.resolve("libonnxruntime.so")), "a complete folder is not rewritten");
    }

    @Test
    void aFolderWithoutItsCompletionMarkIsUnpackedAgain() throws IOException {
        String platform = OrtNatives.platform();
        assumeTrue(platform != null, "the cache is used on Linux x64 and aarch64 only");
        Path dir = OrtNatives.unpack(cache, platform);
        Files.delete(dir.resolve(".complete"));
        Files.write(dir.resolve("libonnxruntime.so"), new byte[] {1, 2, 3}); // as a crash mid-write would leave it
        OrtNatives.unpack(cache, platform);
        String base = "/ai/onnxruntime/native/" + platform + "/";
        assertEquals(resource(base + "libonnxruntime.so").length, Files.size(dir.resolve("libonnxruntime.so")));
        assertTrue(Files.exists(dir.resolve(".complete")));
    }

    /** A library truncated or deleted after an unpack (a power cut before the disk had it, a cleaner) crashed the JVM or stopped the engine. */
    @Test
    void aDamagedLibraryIsUnpackedAgainDespiteItsCompletionMark() throws IOException {
        String platform = OrtNatives.platform();
        assumeTrue(platform != null, "the cache is used on Linux x64 and aarch64 only");
        String base = "/ai/onnxruntime/native/" + platform + "/";
        long runtimeSize = resource(base + "libonnxruntime.so").length;
        Path dir = OrtNatives.unpack(cache, platform);
        Files.write(dir.resolve("libonnxruntime.so"), new byte[1000]);
        assertEquals(dir, OrtNatives.unpack(cache, platform));
        assertEquals(runtimeSize, Files.size(dir.resolve("libonnxruntime.so")), "a truncated runtime is replaced");
        Files.delete(dir.resolve("libonnxruntime.so"));
        OrtNatives.unpack(cache, platform);
        assertEquals(runtimeSize, Files.size(dir.resolve("libonnxruntime.so")), "a deleted runtime is put back");
        byte[] jni = resource(base + "libonnxruntime4j_jni.so");
        byte[] altered = jni.clone();
        altered[altered.length / 2] ^= 1;
        Files.write(dir.resolve("libonnxruntime4j_jni.so"), altered);
        OrtNatives.unpack(cache, platform);
        assertArrayEquals(jni, Files.readAllBytes(dir.resolve("libonnxruntime4j_jni.so")), "an altered JNI library is replaced");
    }

    /** A folder marked complete by an earlier version (an empty mark) is checked like any other: unpacked again. */
    @Test
    void anEmptyCompletionMarkIsNotTrusted() throws IOException {
        String platform = OrtNatives.platform();
        assumeTrue(platform != null, "the cache is used on Linux x64 and aarch64 only");
        Path dir = OrtNatives.unpack(cache, platform);
        Files.write(dir.resolve(".complete"), new byte[0]);
        Files.write(dir.resolve("libonnxruntime.so"), new byte[0]);
        OrtNatives.unpack(cache, platform);
        assertTrue(Files.size(dir.resolve("libonnxruntime.so")) > 0);
    }

    /** Replicas starting together on one cache: each gets whole libraries, none fails, no partial file stays. */
    @Test
    void startsAtOnceOnOneCacheAllSucceed() throws Exception {
        String platform = OrtNatives.platform();
        assumeTrue(platform != null, "the cache is used on Linux x64 and aarch64 only");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> starts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                starts.add(pool.submit(() -> OrtNatives.unpack(cache, platform)));
            }
            Path dir = starts.get(0).get();
            for (var start : starts) {
                assertEquals(dir, start.get());
            }
            String base = "/ai/onnxruntime/native/" + platform + "/";
            assertEquals(resource(base + "libonnxruntime.so").length, Files.size(dir.resolve("libonnxruntime.so")));
            try (var files = Files.list(dir)) {
                assertTrue(files.noneMatch(f -> f.toString().endsWith(".part")), "no partial file left behind");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A start killed while writing leaves a 28 MB partial file: the next unpack deletes it, not a recent one. */
    @Test
    void partialFilesOfAKilledStartAreDeleted() throws IOException {
        String platform = OrtNatives.platform();
        assumeTrue(platform != null, "the cache is used on Linux x64 and aarch64 only");
        Path dir = OrtNatives.unpack(cache, platform);
        Path abandoned = Files.write(dir.resolve("libonnxruntime.so123.part"), new byte[1000]);
        Files.setLastModifiedTime(abandoned, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        Path inProgress = Files.write(dir.resolve("libonnxruntime.so456.part"), new byte[1000]);
        Files.delete(dir.resolve(".complete")); // as the killed start left it
        OrtNatives.unpack(cache, platform);
        assertTrue(Files.notExists(abandoned), "an hour-old partial file is deleted");
        assertTrue(Files.exists(inProgress), "another process's partial file in progress is left alone");
    }

    /** In a shared temporary folder, another user's folder could hold a library of theirs: it is not used. */
    @Test
    void aFolderOwnedByAnotherUserIsRefused() throws IOException {
        String platform = OrtNatives.platform();
        assumeTrue(platform != null, "the cache is used on Linux x64 and aarch64 only");
        Path dir = OrtNatives.unpack(cache, platform);
        try {
            Files.setAttribute(dir.getParent(), "unix:uid", 4242);
        } catch (IOException | UnsupportedOperationException e) {
            assumeTrue(false, "changing a folder's owner needs root: " + e);
        }
        IOException refused = assertThrows(IOException.class, () -> OrtNatives.unpack(cache, platform));
        assertTrue(refused.getMessage().contains("belongs to user 4242"), refused.getMessage());
    }

    /** A relative DJL_CACHE_DIR is a folder like any other. */
    @Test
    void aRelativeCacheFolderWorks() throws IOException {
        String platform = OrtNatives.platform();
        assumeTrue(platform != null, "the cache is used on Linux x64 and aarch64 only");
        Path relative = Path.of("").toAbsolutePath().relativize(cache.resolve("relative"));
        assertEquals(relative.resolve("onnxruntime"), OrtNatives.unpack(relative, platform).getParent());
    }

    /** Without a passwd entry ({@code --user 10001}) Java's home is "?": the cache went to ./?/.djl.ai. */
    @Test
    void aHomeThatIsNoFolderMeansTheTemporaryFolder() {
        Properties system = new Properties();
        system.setProperty("user.home", "?");
        system.setProperty("java.io.tmpdir", cache.toString());
        assertEquals(cache.resolve(".djl.ai"), OrtNatives.cacheRoot(Map.of(), system));
        system.setProperty("user.home", cache.resolve("no-such-home").toString());
        assertEquals(cache.resolve(".djl.ai"), OrtNatives.cacheRoot(Map.of(), system), "a home that does not exist");
        system.setProperty("user.home", cache.toString());
        assertEquals(cache.resolve(".djl.ai"), OrtNatives.cacheRoot(Map.of(), system), "a writable home");
    }

    /** As DJL reads it: the variable first, then the property; blank is unset. */
    @Test
    void djlCacheDirAsDjlReadsIt() {
        Properties system = new Properties();
        system.setProperty("DJL_CACHE_DIR", "/from-property");
        system.setProperty("user.home", cache.toString());
        assertEquals(Path.of("/from-env"), OrtNatives.cacheRoot(Map.of("DJL_CACHE_DIR", "/from-env"), system));
        assertEquals(Path.of("/from-property"), OrtNatives.cacheRoot(Map.of("DJL_CACHE_DIR", " "), system));
    }
}
