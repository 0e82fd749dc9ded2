package dev.passerelle.translate;

import dev.passerelle.glossary.Glossary;
import dev.passerelle.glossary.GlossaryMatcher;
import dev.passerelle.glossary.TermMatch;
import dev.passerelle.glossary.TermUse;
import dev.passerelle.tokenize.MarianTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The glossary terms of one sentence: where each was found, the English tokens it must become
 * (a constraint, unless the model cannot spell it), and afterwards which the translation has.
 */
record Terms(List<TermMatch> matches, List<int[]> targets, List<Boolean> spellable) {

    static final Terms NONE = new Terms(List.of(), List.of(), List.of());

    static Terms find(String sentence, GlossaryMatcher.Index glossary, MarianTokenizer tokenizer) {
        if (glossary == null) {
            return NONE;
        }
        List<TermMatch> matches = glossary.find(sentence);
        List<int[]> targets = new ArrayList<>(matches.size());
        List<Boolean> spellable = new ArrayList<>(matches.size());
        for (TermMatch m : matches) {
            int[] ids = tokenizer.encodeTarget(m.entry().target());
            targets.add(ids);
            // A term with <unk> would be forced as the unknown token: written as nothing, so not forced at all.
            spellable.add(ids.length > 0 && !tokenizer.hasUnknown(ids));
        }
        return new Terms(matches, targets, spellable);
    }

    /** The constraints the search must meet: one per spellable match, so a term found twice is forced twice. */
    List<int[]> constraints() {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < matches.size(); i++) {
            if (spellable.get(i)) {
                out.add(targets.get(i));
            }
        }
        return out;
    }

    /** Each match, applied when the translation's {@code tokens} hold its term (as often as it was found). */
    List<TermUse> uses(int[] tokens, int cap) {
        if (matches.isEmpty()) {
            return List.of();
        }
        Map<List<Integer>, Integer> left = new HashMap<>();
        int asked = constraints().stream().mapToInt(c -> c.length).sum();
        List<TermUse> out = new ArrayList<>(matches.size());
        for (int i = 0; i < matches.size(); i++) {
            TermMatch m = matches.get(i);
            List<Integer> key = Arrays.stream(targets.get(i)).boxed().toList();
            int[] target = targets.get(i);
            int available = left.computeIfAbsent(key, k -> occurrences(tokens, target));
            boolean applied = spellable.get(i) && available > 0;
            if (applied) {
                left.put(key, available - 1);
            }
            String reason = applied ? null : !spellable.get(i) ? TermUse.UNKNOWN_PIECES
                    : asked >= cap ? TermUse.LENGTH_CAP : TermUse.NOT_REACHED;
            out.add(new TermUse(m.entry().source(), m.entry().target(), m.span().start(), m.span().end(), applied, reason));
        }
        return out;
    }

    /** Non-overlapping occurrences of {@code term} in {@code tokens}. */
    static int occurrences(int[] tokens, int[] term) {
        int n = 0;
        for (int i = 0; term.length > 0 && i + term.length <= tokens.length; i++) {
            if (Arrays.equals(tokens, i, i + term.length, term, 0, term.length)) {
                n++;
                i += term.length - 1;
            }
        }
        return n;
    }
}
