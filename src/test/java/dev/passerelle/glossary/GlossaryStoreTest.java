package dev.passerelle.glossary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Glossary files read as TSV or CSV, errors naming the line, and the folder read again on change. */
class GlossaryStoreTest {

    @TempDir
    Path dir;

    private final AtomicLong now = new AtomicLong();

    private GlossaryStore store() {
        return new GlossaryStore(Optional.of(dir), 100, Duration.ofSeconds(2), now::get);
    }

    private void write(String name, String text, int second) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        Files.setLastModifiedTime(f, FileTime.from(Instant.ofEpochSecond(1_700_000_000L + second)));
    }

    private void later() {
        now.addAndGet(Duration.ofSeconds(3).toNanos());
    }

    @Test
    void tsvAndCsvWithHeaderCommentsAndCase() throws Exception {
        Glossary tsv = GlossaryFile.parse("source\ttarget\tcase\n# house style\nOCS\tSCO\n\nÉlysée\tthe Elysee\texact\n",
                "newsroom.tsv", 100);
        assertEquals(List.of(new GlossaryEntry("OCS", "SCO", false), new GlossaryEntry("Élysée", "the Elysee", true)),
                tsv.entries());
        Glossary csv = GlossaryFile.parse("\uFEFFOCS,SCO\n\"Astana, capitale\",\"Astana, the capital\",ignore\n", "a.csv", 100);
        assertEquals(new GlossaryEntry("Astana, capitale", "Astana, the capital", false), csv.entries().get(1));
    }

    @Test
    void tsvHasNoQuotingAndHugeFilesAreRefused() throws Exception {
        assertEquals(new GlossaryEntry("\"Gilets jaunes\" mouvement", "Yellow vests", false),
                GlossaryFile.parse("\"Gilets jaunes\" mouvement\tYellow vests\n", "n.tsv", 10).entries().get(0));
        Path huge = dir.resolve("huge.tsv");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(GlossaryFile.MAX_BYTES + 1); // sparse: nothing written
        }
        write("newsroom.tsv", "OCS\tSCO\n", 0);
        GlossaryStore store = store();
        assertTrue(store.get("huge").isEmpty());
        assertEquals(1, store.get("newsroom").orElseThrow().entries().size(), "one bad file spoils no other");
        assertTrue(store.list().get(0).error().contains("larger than 8 MB"), store.list().get(0).error());
    }

    @Test
    void aMalformedLineIsNamed() {
        GlossaryFormatException e = assertThrows(GlossaryFormatException.class,
                () -> GlossaryFile.parse("OCS\tSCO\n# comment\nAstana\n", "newsroom.tsv", 100));
        assertEquals("newsroom.tsv line 3: expected source, target and optionally exact or ignore; found 1 column(s)",
                e.getMessage());
        e = assertThrows(GlossaryFormatException.class,
                () -> GlossaryFile.parse("OCS\tSCO\n\n\r\nKazakhstan\tBrazil\tEXACTLY\n", "n.tsv", 100));
        assertTrue(e.getMessage().startsWith("n.tsv line 4: the third column"), e.getMessage());
        e = assertThrows(GlossaryFormatException.class, () -> GlossaryFile.parse("OCS\tSCO\rA\tB\tC\tD\r", "n.tsv", 100));
        assertTrue(e.getMessage().startsWith("n.tsv line 2:"), e.getMessage());
        e = assertThrows(GlossaryFormatException.class, () -> GlossaryFile.parse("Kazakhstan\tChi\u0000na\n", "n.tsv", 100));
        assertTrue(e.getMessage().startsWith("n.tsv line 1: a glossary term may not hold control"), e.getMessage());
        e = assertThrows(GlossaryFormatException.class, () -> GlossaryFile.parse("OCS\tSCO\tsometimes\n", "n.tsv", 100));
        assertTrue(e.getMessage().startsWith("n.tsv line 1: the third column"), e.getMessage());
        e = assertThrows(GlossaryFormatException.class, () -> GlossaryFile.parse("a\tb\nc\td\ne\tf\n", "n.tsv", 2));
        assertTrue(e.getMessage().startsWith("n.tsv line 3: more than 2 entries"), e.getMessage());
        e = assertThrows(GlossaryFormatException.class, () -> GlossaryFile.parse("a,\"b\n", "n.csv", 2));
        assertTrue(e.getMessage().startsWith("n.csv near line 1: "), e.getMessage());
    }

    @Test
    void filesAreReadAgainWhenTheyChangeAndABadVersionKeepsTheLastGoodOne() throws IOException {
        write("newsroom.tsv", "OCS\tSCO\n", 0);
        GlossaryStore store = store();
        assertEquals(1, store.get("newsroom").orElseThrow().entries().size());
        write("newsroom.tsv", "OCS\tSCO\nAstana\tNur-Sultan\n", 10);
        assertEquals(1, store.get("newsroom").orElseThrow().entries().size(), "not looked at again before recheck");
        later();
        assertEquals(2, store.get("newsroom").orElseThrow().entries().size());
        write("newsroom.tsv", "OCS\tSCO\nbroken\n", 20);
        later();
        assertEquals(2, store.get("newsroom").orElseThrow().entries().size(), "the last good version stays");
        GlossaryStore.Listing l = store.list().get(0);
        assertEquals("newsroom", l.name());
        assertEquals(2, l.entries());
        assertTrue(l.error().contains("newsroom.tsv line 2"), l.error());
        write("newsroom.tsv", "OCS\tSCO\n", 30);
        later();
        assertNull(store.list().get(0).error());
        Files.delete(dir.resolve("newsroom.tsv"));
        later();
        assertTrue(store.get("newsroom").isEmpty());
        assertEquals(List.of(), store.list());
    }

    @Test
    void aBrokenNewFileIsListedButNotUsable() throws IOException {
        write("sport.csv", "a,b,c,d\n", 0);
        write("notes.txt", "not a glossary", 0);
        write("politique.tsv", "Assemblée nationale\tNational Assembly\n", 0);
        GlossaryStore store = store();
        assertTrue(store.get("sport").isEmpty());
        assertEquals(List.of("politique", "sport"), store.list().stream().map(GlossaryStore.Listing::name).toList());
        assertTrue(store.list().get(1).error().startsWith("sport.csv line 1"), store.list().get(1).error());
    }

    @Test
    void noFolderNoGlossaries() {
        GlossaryStore none = new GlossaryStore(Optional.empty(), 100, Duration.ZERO);
        assertTrue(none.list().isEmpty());
        assertTrue(none.get("newsroom").isEmpty());
    }
}
