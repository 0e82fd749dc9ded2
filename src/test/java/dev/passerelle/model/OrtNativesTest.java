package dev.passerelle.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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
}
