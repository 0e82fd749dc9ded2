package dev.passerelle.summarize;

/**
 * A unit with its ranking figures.
 *
 * @param centrality LexRank centrality scaled so the most central unit has 1 (0 under the trained ranking)
 * @param lead position prior, 1 for the first unit and decreasing
 * @param score LexRank's blend of the two that MMR starts from, or the trained ranking's expected ROUGE-1
 *     of the unit alone
 */
public record ScoredUnit(Unit unit, double centrality, double lead, double score, boolean chosen) {
}
