package dev.passerelle.translate;

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
 * The glossary terms of one sentence: where each was found, the English tokens it must become,
 * whether it is forced (a constraint) or why not, and afterwards which the translation has.
 */
record Terms(List<TermMatch> matches, List<int[]> targets, List<String> notForced) {

    /** The most terms forced in one sentence; more are reported, not forced (each costs the search a bank). */
    static final int MAX_FORCED = 16;

    static final Terms NONE = new Terms(List.of(), List.of(), List.of());

    /**
     * The terms of {@code sentence}, forced in order while their tokens fit in {@code cap} (the
     * sentence's length cap, the end token kept) and no more than {@link #MAX_FORCED}.
     */
    static Terms find(String sentence, GlossaryMatcher.Index glossary, MarianTokenizer tokenizer, int cap) {
        if (glossary == null) {
            return NONE;
        }
        List<TermMatch> matches = glossary.find(sentence);
        List<int[]> targets = new ArrayList<>(matches.size());
        List<String> notForced = new ArrayList<>(matches.size());
        int room = cap - 1;
        int forced = 0;
        for (TermMatch m : matches) {
            int[] ids = tokenizer.encodeTarget(m.entry().target());
            targets.add(ids);
            String why = null;
            if (ids.length == 0 || tokenizer.hasUnknown(ids)) {
                why = TermUse.UNKNOWN_PIECES; // forced, <unk> would write nothing
            } else if (ids.length > room) {
                why = TermUse.LENGTH_CAP; // forced in part, it would only garble the sentence
            } else if (forced == MAX_FORCED) {
                why = TermUse.TOO_MANY;
            } else {
                room -= ids.length;
                forced++;
            }
            notForced.add(why);
        }
        return new Terms(matches, targets, notForced);
    }

    /** The constraints the search must meet: one per forced match, so a term found twice is forced twice. */
    List<int[]> constraints() {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < matches.size(); i++) {
            if (notForced.get(i) == null) {
                out.add(targets.get(i));
            }
        }
        return out;
    }

    /** Each match, applied when it was forced and the translation's {@code tokens} hold its term (as often as it was found). */
    List<TermUse> uses(int[] tokens) {
        if (matches.isEmpty()) {
            return List.of();
        }
        Map<List<Integer>, Integer> left = new HashMap<>();
        List<TermUse> out = new ArrayList<>(matches.size());
        for (int i = 0; i < matches.size(); i++) {
            TermMatch m = matches.get(i);
            int[] target = targets.get(i);
            List<Integer> key = Arrays.stream(target).boxed().toList();
            int available = left.computeIfAbsent(key, k -> occurrences(tokens, target));
            boolean applied = notForced.get(i) == null && available > 0;
            if (applied) {
                left.put(key, available - 1);
            }
            String reason = applied ? null : notForced.get(i) != null ? notForced.get(i) : TermUse.NOT_REACHED;
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
