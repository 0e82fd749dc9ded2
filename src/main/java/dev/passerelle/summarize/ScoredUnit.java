package dev.passerelle.summarize;

/**
 * A unit with its ranking figures.
 *
 * @param centrality LexRank centrality scaled so the most central unit has 1
 * @param lead position prior, 1 for the first unit and decreasing
 * @param score the blend of the two that MMR starts from
 */
public record ScoredUnit(Unit unit, double centrality, double lead, double score, boolean chosen) {
}
