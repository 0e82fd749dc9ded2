package dev.passerelle.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.passerelle.glossary.TermUse;
import dev.passerelle.translate.SentenceTranslation;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One translated sentence in a response: its place in the input ({@code start}/{@code end},
 * UTF-16 offsets), source, translation, score (mean token log-probability), why generation
 * stopped ({@code eos}, {@code length}, {@code repetition}, or {@code passthrough} for an English
 * sentence kept as it is: translation = source, score 0, no model call), and whether the sentence
 * cache answered.
 */
public record SentenceView(int index, int paragraph, int start, int end, String source, String translation,
                           double score,
                           @Schema(description = "why the sentence ended: eos, length, repetition, or passthrough "
                                   + "(English, kept as it is without calling the model)",
                                   enumeration = {"eos", "length", "repetition", "passthrough"})
                           String finish,
                           boolean cached,
                           @Schema(description = "Glossary terms found in this sentence (start and end in its source), "
                                   + "whether the translation has each, and if not why; absent without any")
                           @JsonInclude(JsonInclude.Include.NON_EMPTY)
                           List<TermUse> terms) {

    static SentenceView of(SentenceTranslation s) {
        return new SentenceView(s.index(), s.paragraph(), s.source().start(), s.source().end(), s.sourceText(),
                s.translation(), Math.round(s.score() * 10_000) / 10_000.0, s.finish().name().toLowerCase(Locale.ROOT), s.cached(),
                s.terms());
    }
}
