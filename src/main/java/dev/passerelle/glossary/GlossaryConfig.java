package dev.passerelle.glossary;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Where the server's glossaries are and how big they may be ({@code passerelle.glossary.*}). */
@ConfigMapping(prefix = "passerelle.glossary")
public interface GlossaryConfig {

    /** A folder of {@code NAME.tsv} / {@code NAME.csv} files, one glossary each; none: no server glossaries. */
    Optional<Path> dir();

    /** Most entries in one glossary (a file, or a request's inline list and terms to keep). */
    @WithDefault("5000")
    @Min(1)
    @Max(100000)
    int maxEntries();

    /** How often the folder is looked at again for changed files, at most (on use). */
    @WithDefault("2s")
    Duration recheck();
}
