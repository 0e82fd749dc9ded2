package dev.passerelle.lang;

/**
 * When a text counts as other than French: long enough, and its best language ahead of both the
 * runner-up and French by these factors (the detector's probabilities compared as ratios).
 *
 * @param minLetters fewer letters than this is always French: names, numbers, "Bonjour"
 * @param margin best language's probability over the runner-up's
 * @param frenchMargin best language's probability over French's
 */
public record Thresholds(int minLetters, double margin, double frenchMargin) {

    /** Measured on OrangeSum (README, "Languages"): no French title, heading or article refused. */
    public static final Thresholds WHOLE = new Thresholds(20, 1.5, 2.5);
    /** Stricter, for one sentence inside a French text: no French sentence of OrangeSum kept as English. */
    public static final Thresholds SENTENCE = new Thresholds(30, 1.5, 3.0);
}
