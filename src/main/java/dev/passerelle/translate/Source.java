package dev.passerelle.translate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One sentence for the model: its token ids (end token included) and the target token sequences
 * its translation must contain (glossary terms; none for an ordinary sentence).
 */
public record Source(int[] ids, List<int[]> constraints) {

    public Source {
        constraints = List.copyOf(constraints);
        if (constraints.stream().anyMatch(c -> c.length == 0)) {
            throw new IllegalArgumentException("a constraint has at least one token");
        }
    }

    /** A sentence without constraints. */
    public static Source of(int[] ids) {
        return new Source(ids, List.of());
    }

    /** Sentences without constraints. */
    public static List<Source> of(List<int[]> ids) {
        return ids.stream().map(Source::of).toList();
    }

    public boolean constrained() {
        return !constraints.isEmpty();
    }

    /** Ids and constraints as lists: a value to compare and hash (arrays compare by identity). */
    List<List<Integer>> key() {
        List<List<Integer>> out = new ArrayList<>(1 + constraints.size());
        out.add(Arrays.stream(ids).boxed().toList());
        constraints.forEach(c -> out.add(Arrays.stream(c).boxed().toList()));
        return out;
    }
}
