package dev.passerelle.summarize;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.util.Optional;

/** How digests pick their bullets ({@code passerelle.digest.*}). */
@ConfigMapping(prefix = "passerelle.digest")
public interface DigestConfig {

    /** How bullets are picked: {@code trained} (the model trained on OrangeSum) or {@code lexrank}. */
    @WithDefault("trained")
    Ranking ranking();

    /** The trained ranking's expected abstract length in words: lower favours shorter bullets (tuned on OrangeSum). */
    @WithDefault("20")
    @DecimalMin("0")
    double abstractWords();

    /** LexRank's sentence vectors: {@code lexical} (Lucene French TF-IDF), {@code encoder} (model encoder) or {@code mixed}. */
    @WithDefault("lexical")
    Vectors vectors();

    /** Share of the encoder similarity in {@code mixed} mode. */
    @WithDefault("0.5")
    @DecimalMin("0") @DecimalMax("1")
    double encoderWeight();

    /** LexRank's share of the score given to position in the article. */
    @WithDefault("0.25")
    @DecimalMin("0") @DecimalMax("1")
    double leadWeight();

    /**
     * Always include the article's first sentence. Unset: off for the trained ranking, which picks
     * the lead when it is worth a bullet (forcing it cost 0.9 ROUGE-1 at 2 bullets on OrangeSum:
     * news often open on a scene-setting line), on for LexRank, which was tuned with it.
     */
    Optional<Boolean> keepLead();

    /** Whether the first sentence is always a bullet, {@link #keepLead()} resolved. */
    default boolean keepsLead() {
        return keepLead().orElse(ranking() == Ranking.LEXRANK);
    }

    /** LexRank's MMR trade-off between score (1) and novelty (0). */
    @WithDefault("0.7")
    @DecimalMin("0") @DecimalMax("1")
    double diversity();

    /** LexRank: a sentence this similar to a chosen one is left out. */
    @WithDefault("0.6")
    @DecimalMin("0") @DecimalMax("1")
    double redundancy();

    /** Default bullets as a share of the article's sentences, clamped to min-bullets..max-bullets. */
    @WithDefault("0.2")
    @DecimalMin("0")
    double bulletsRatio();

    @WithDefault("3")
    @Min(1)
    int minBullets();

    @WithDefault("7")
    @Min(1)
    int maxBullets();

    /** The summarizer's settings as a plain record. */
    default SummarizerSettings settings() {
        return new SummarizerSettings(leadWeight(), keepsLead(), diversity(), redundancy(), bulletsRatio(),
                minBullets(), maxBullets());
    }
}
