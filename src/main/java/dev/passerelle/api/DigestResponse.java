package dev.passerelle.api;

import dev.passerelle.glossary.TermUse;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.passerelle.summarize.Bullet;
import dev.passerelle.summarize.Digest;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Answer of {@code /v1/summarize} and {@code /v1/digest}: bullets, the same as Markdown, where
 * each comes from, and (digest) the whole translation.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DigestResponse(List<String> bullets, String markdown,
                             @Schema(description = "Language of the bullets", enumeration = {"en", "fr"})
                             String language,
                             List<Source> sources,
                             String translation, String model,
                             @Schema(description = "The language the article was taken for: \"fr\", or \"en\" when it "
                                     + "is already English (bullets are its own sentences and the translation is the "
                                     + "text unchanged; no model call). Other languages are refused with 422.",
                                     enumeration = {"fr", "en"})
                             String detectedLanguage,
                             @Schema(description = "Glossary terms found in the sentences translated (start and end "
                                     + "in their sentence), whether the English has each, and if not why; absent "
                                     + "without any")
                             @JsonInclude(JsonInclude.Include.NON_EMPTY)
                             List<TermUse> terms) {

    /** The source unit behind a bullet, its span in the input and its ranking score. */
    public record Source(String text, int start, int end, double score) {
    }

    static DigestResponse of(Digest d, String language, String model, String detectedLanguage) {
        return new DigestResponse(d.bullets().stream().map(Bullet::text).toList(), d.markdown(), language,
                d.bullets().stream().map(b -> new Source(b.source(), b.span().start(), b.span().end(),
                        Math.round(b.score() * 10_000) / 10_000.0)).toList(),
                d.translation(), model, detectedLanguage, d.terms());
    }
}
