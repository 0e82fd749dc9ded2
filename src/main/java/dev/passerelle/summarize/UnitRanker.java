package dev.passerelle.summarize;

import java.util.List;

/** Ranks an article's units and picks a digest's bullets among them. */
public interface UnitRanker {

    /** Scores {@code units} and picks {@code k} of them (fewer if the article is shorter); {@code title} may be empty. */
    Summary summarize(List<Unit> units, String title, int k);
}
