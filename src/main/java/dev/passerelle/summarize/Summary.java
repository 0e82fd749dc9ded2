package dev.passerelle.summarize;

import java.util.List;

/** Every unit with its scores, in article order, and the chosen ones, in article order too. */
public record Summary(List<ScoredUnit> units, List<Unit> chosen) {
}
