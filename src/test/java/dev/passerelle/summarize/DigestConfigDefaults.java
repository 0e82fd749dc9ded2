package dev.passerelle.summarize;

import java.util.Optional;

/** The digest settings' defaults, for tests that build a {@link DigestService} without Quarkus (override to vary one). */
class DigestConfigDefaults implements DigestConfig {

    @Override
    public Ranking ranking() {
        return Ranking.TRAINED;
    }

    @Override
    public double abstractWords() {
        return 20;
    }

    @Override
    public Vectors vectors() {
        return Vectors.LEXICAL;
    }

    @Override
    public double encoderWeight() {
        return 0.5;
    }

    @Override
    public double leadWeight() {
        return SummarizerSettings.DEFAULT.leadWeight();
    }

    @Override
    public Optional<Boolean> keepLead() {
        return Optional.empty();
    }

    @Override
    public double diversity() {
        return SummarizerSettings.DEFAULT.diversity();
    }

    @Override
    public double redundancy() {
        return SummarizerSettings.DEFAULT.redundancy();
    }

    @Override
    public double bulletsRatio() {
        return SummarizerSettings.DEFAULT.bulletsRatio();
    }

    @Override
    public int minBullets() {
        return SummarizerSettings.DEFAULT.minBullets();
    }

    @Override
    public int maxBullets() {
        return SummarizerSettings.DEFAULT.maxBullets();
    }
}
