package dev.passerelle.lang;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

/**
 * Language detection ({@code passerelle.language.*}). The defaults are the thresholds measured on
 * French news (README, "Languages"; {@link Thresholds}); raise them to refuse and pass through less.
 */
@ConfigMapping(prefix = "passerelle.language")
public interface LanguageSettings {

    /** Off: every text is taken for French, as before detection existed. */
    @WithDefault("true")
    boolean enabled();

    /** How much of a long text the detector reads. */
    @WithDefault("10000")
    @Min(100)
    int maxChars();

    /** Whole inputs with fewer letters are French. */
    @WithDefault("20")
    @Min(1)
    int wholeMinLetters();

    /** Whole inputs: best language's probability over the runner-up's. */
    @WithDefault("1.5")
    @DecimalMin("1")
    double wholeMargin();

    /** Whole inputs: best language's probability over French's. */
    @WithDefault("2.5")
    @DecimalMin("1")
    double wholeFrenchMargin();

    /** Sentences inside a French text with fewer letters are French. */
    @WithDefault("30")
    @Min(1)
    int sentenceMinLetters();

    /** Sentences: English's probability over the runner-up's. */
    @WithDefault("1.5")
    @DecimalMin("1")
    double sentenceMargin();

    /** Sentences: English's probability over French's. */
    @WithDefault("3.0")
    @DecimalMin("1")
    double sentenceFrenchMargin();

    default Thresholds whole() {
        return new Thresholds(wholeMinLetters(), wholeMargin(), wholeFrenchMargin());
    }

    default Thresholds sentence() {
        return new Thresholds(sentenceMinLetters(), sentenceMargin(), sentenceFrenchMargin());
    }
}
