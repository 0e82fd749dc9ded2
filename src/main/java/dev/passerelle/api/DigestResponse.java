package dev.passerelle.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.passerelle.summarize.Bullet;
import dev.passerelle.summarize.Digest;
import java.util.List;

/**
 * Answer of {@code /v1/summarize} and {@code /v1/digest}: bullets, the same as Markdown, where
 * each comes from, and (digest) the whole translation.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DigestResponse(List<String> bullets, String markdown, String language, List<Source> sources,
                             String translation, String model) {

    /** The French unit behind a bullet, its span in the input and its ranking score. */
    public record Source(String text, int start, int end, double score) {
    }

    static DigestResponse of(Digest d, String language, String model) {
        return new DigestResponse(d.bullets().stream().map(Bullet::text).toList(), d.markdown(), language,
                d.bullets().stream().map(b -> new Source(b.source(), b.span().start(), b.span().end(),
                        Math.round(b.score() * 10_000) / 10_000.0)).toList(),
                d.translation(), model);
    }
}
