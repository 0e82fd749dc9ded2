package dev.passerelle.summarize;

/**
 * How sentences are ranked and picked.
 *
 * @param leadWeight share of the score given to position (news put the essentials first)
 * @param keepLead always include the first content unit
 * @param diversity MMR trade-off: 1 ranks by score alone, lower values favour novelty
 * @param redundancy a unit this similar to an already chosen one is never chosen
 * @param bulletsRatio default bullet count as a share of the article's units ...
 * @param minBullets ... but at least this many ...
 * @param maxBullets ... and at most this many
 */
public record SummarizerSettings(double leadWeight, boolean keepLead, double diversity, double redundancy,
                                 double bulletsRatio, int minBullets, int maxBullets) {

    public static final SummarizerSettings DEFAULT = new SummarizerSettings(0.25, true, 0.7, 0.6, 0.2, 3, 7);

    /** Bullets for an article of {@code units} units when the request does not say. */
    public int defaultBullets(int units) {
        return Math.min(units, Math.max(minBullets, Math.min(maxBullets, (int) Math.round(units * bulletsRatio))));
    }
}
