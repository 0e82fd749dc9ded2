package dev.passerelle.translate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Beam search with length-normalised scores (length penalty 1), the rules of Hugging Face's
 * BeamSearchScorer without early stopping: each step ranks 2k continuations of a sentence's k
 * beams, an end token ranked within the first k finishes a hypothesis, and a sentence is done
 * when its k best finished hypotheses beat what its best running beam could still reach.
 * Every beam of every sentence of the batch runs in the same ONNX call. An abandoned sentence
 * finishes at the next step and its beams leave the batch.
 *
 * <p>A sentence with constraints (glossary terms as target tokens) is searched the way of dynamic
 * beam allocation in its vectorised form (Post and Vilar 2018; Hu et al. 2019): each beam also
 * proposes the tokens that advance a constraint, whatever their rank; candidates are grouped into
 * banks by constraint tokens written and taken bank by bank after the best candidate of all (every
 * bank's best, the fullest bank first, then every bank's second...): the model's own path keeps a
 * place even in a beam narrower than the number of banks; the end token waits until all constraints are met, but at
 * the length cap; the best finished hypothesis with all of them met wins. Without constraints
 * every rule reduces to plain beam search. {@code tools/fixture/marian_beam.py} is the reference.
 */
public final class BeamSearch implements SearchStrategy {

    private static final int[][] NONE = new int[0][];
    /** Below this a log-probability is a banned token's (the scorer's mask): never a candidate. */
    private static final double BANNED = -1e29;

    /** Beams of each sentence; null: {@link #uniform} for all. */
    private final int[] widths;
    /** Constraints of each sentence; null: none for any. */
    private final List<int[][]> constraints;
    private final int uniform;

    /** Plain beam search of width {@code beams} for every sentence. */
    public BeamSearch(int beams) {
        if (beams < 1) {
            throw new IllegalArgumentException("beams must be >= 1");
        }
        this.widths = null;
        this.constraints = null;
        this.uniform = beams;
    }

    /**
     * Constrained beam search: sentence {@code i} runs {@code widths[i]} beams under
     * {@code constraints.get(i)} (no constraints: plain beam search).
     */
    public BeamSearch(int[] widths, List<int[][]> constraints) {
        if (widths.length != constraints.size() || Arrays.stream(widths).anyMatch(w -> w < 1)) {
            throw new IllegalArgumentException("one width >= 1 and one constraint list per sentence");
        }
        this.widths = widths.clone();
        this.constraints = List.copyOf(constraints);
        this.uniform = 1;
    }

    /** A running hypothesis: tokens so far, their summed log-probability, its constraints' progress. */
    private record Beam(int[] tokens, double sum, ConstraintProgress progress) {
        Beam extend(int token, double logProb, ConstraintProgress next) {
            int[] t = Arrays.copyOf(tokens, tokens.length + 1);
            t[tokens.length] = token;
            return new Beam(t, sum + logProb, next);
        }
    }

    private record Candidate(double score, int beam, int token, double logProb, ConstraintProgress next) {
    }

    private record Finished(Hypothesis hypothesis, boolean complete) {
    }

    private static final Comparator<Candidate> ORDER = Comparator.comparingDouble((Candidate c) -> -c.score)
            .thenComparingInt(Candidate::beam).thenComparingInt(Candidate::token);
    /** Hypotheses with all constraints met first, then by score; stable, so the earlier stays ahead on a tie. */
    private static final Comparator<Finished> BEST = Comparator.comparing((Finished f) -> !f.complete)
            .thenComparingDouble(f -> -f.hypothesis.score());

    /** Search state of one source sentence. */
    private static final class Sentence {
        final int index;
        final int cap;
        final int beams;
        final int[][] constraints;
        List<Beam> running;
        final List<Finished> finished = new ArrayList<>();
        Hypothesis result;

        Sentence(int index, int cap, int beams, int[][] constraints) {
            this.index = index;
            this.cap = cap;
            this.beams = beams;
            this.constraints = constraints;
            this.running = List.of(new Beam(new int[0], 0.0, ConstraintProgress.start(constraints.length)));
        }

        void addFinished(Hypothesis h, ConstraintProgress p) {
            finished.add(new Finished(h, p.complete()));
            finished.sort(BEST);
            if (finished.size() > beams) {
                finished.remove(finished.size() - 1);
            }
        }

        /** The tokens each running beam wants scored whatever their rank. */
        int[][] wanted() {
            int[][] out = new int[running.size()][];
            for (int b = 0; b < out.length; b++) {
                out[b] = running.get(b).progress.wanted(constraints);
            }
            return out;
        }

        /** Advances by one step; returns the parent index of each new running beam. */
        int[] advance(StepScores scores, int firstRow, SearchRules rules, int step) {
            boolean forced = step == cap - 1;
            List<Candidate> cands = new ArrayList<>(running.size() * (2 * beams + constraints.length));
            for (int b = 0; b < running.size(); b++) {
                Beam beam = running.get(b);
                if (forced) {
                    // At the length cap the end token is the only choice, with log-probability 0.
                    cands.add(new Candidate(beam.sum, b, rules.eosToken(), 0.0, beam.progress));
                    continue;
                }
                int row = firstRow + b;
                int[] tokens = new int[2 * beams];
                double[] logProbs = new double[2 * beams];
                int n = 0;
                for (int rank = 0; rank < Math.min(2 * beams, scores.k()); rank++) {
                    tokens[n] = scores.token(row, rank);
                    logProbs[n++] = scores.logProb(row, rank);
                }
                for (int want : beam.progress.wanted(constraints)) {
                    if (!contains(tokens, n, want)) {
                        tokens = Arrays.copyOf(tokens, n + 1);
                        logProbs = Arrays.copyOf(logProbs, n + 1);
                        tokens[n] = want;
                        logProbs[n++] = scores.logProbOf(row, want);
                    }
                }
                for (int i = 0; i < n; i++) {
                    int token = tokens[i];
                    if (!(logProbs[i] > BANNED) || token == rules.eosToken() && !beam.progress.complete()) {
                        continue;
                    }
                    ConstraintProgress next = token == rules.eosToken() ? beam.progress
                            : beam.progress.advance(token, constraints);
                    cands.add(new Candidate(beam.sum + logProbs[i], b, token, logProbs[i], next));
                }
            }
            cands.sort(ORDER);
            if (constraints.length > 0) {
                cands = byBank(cands);
            }
            List<Beam> next = new ArrayList<>(beams);
            int[] parents = new int[beams];
            for (int rank = 0; rank < cands.size() && next.size() < beams; rank++) {
                Candidate c = cands.get(rank);
                Beam parent = running.get(c.beam);
                Beam grown = parent.extend(c.token, c.logProb, c.next);
                int cut = c.token == rules.eosToken() || !rules.repetitionGuard()
                        ? -1 : RepetitionGuard.truncatedLength(grown.tokens, grown.tokens.length);
                if (c.token == rules.eosToken() || cut >= 0) {
                    if (rank < beams) {
                        int keep = cut >= 0 ? cut : parent.tokens.length;
                        FinishReason why = cut >= 0 ? FinishReason.REPETITION
                                : forced ? FinishReason.LENGTH : FinishReason.EOS;
                        addFinished(new Hypothesis(Arrays.copyOf(grown.tokens, keep),
                                c.score / grown.tokens.length, why), c.next);
                    }
                } else {
                    parents[next.size()] = c.beam;
                    next.add(grown);
                }
            }
            running = next;
            double reach = running.stream().mapToDouble(Beam::sum).max().orElse(Double.NEGATIVE_INFINITY) / (step + 1);
            boolean done = running.isEmpty() || finished.size() == beams
                    && finished.get(finished.size() - 1).hypothesis.score() >= reach;
            if (done) {
                for (Beam b : running) {
                    addFinished(new Hypothesis(b.tokens, b.sum / b.tokens.length, FinishReason.LENGTH), b.progress);
                }
                result = finished.isEmpty()
                        ? new Hypothesis(new int[0], Double.NEGATIVE_INFINITY, FinishReason.LENGTH)
                        : finished.get(0).hypothesis;
            }
            return Arrays.copyOf(parents, next.size());
        }

        /**
         * Candidates (ranked) taken bank by bank after the best of all: every bank's best, the fullest
         * bank first, then every bank's second...
         */
        private List<Candidate> byBank(List<Candidate> ranked) {
            Map<Integer, Integer> seen = new HashMap<>();
            record Placed(int rankInBank, int bank, int order, Candidate candidate) {
            }
            List<Placed> placed = new ArrayList<>(ranked.size());
            for (int i = 0; i < ranked.size(); i++) {
                int bank = ranked.get(i).next.bank(constraints);
                int r = seen.merge(bank, 1, Integer::sum) - 1;
                // The best candidate of all keeps its place first: the model's own path may yet write the terms where they belong.
                placed.add(new Placed(i == 0 ? -1 : r, bank, i, ranked.get(i)));
            }
            placed.sort(Comparator.comparingInt(Placed::rankInBank).thenComparingInt(p -> -p.bank)
                    .thenComparingInt(Placed::order));
            return placed.stream().map(Placed::candidate).toList();
        }

        private static boolean contains(int[] tokens, int n, int token) {
            for (int i = 0; i < n; i++) {
                if (tokens[i] == token) {
                    return true;
                }
            }
            return false;
        }
    }

    @Override
    public List<Hypothesis> search(DecoderRun run, int[] caps, SearchRules rules, IntPredicate abandoned) {
        List<Sentence> active = new ArrayList<>();
        List<Sentence> all = new ArrayList<>();
        boolean anyConstraint = false;
        int widest = 1;
        for (int i = 0; i < caps.length; i++) {
            int[][] own = constraints == null ? NONE : constraints.get(i);
            Sentence s = new Sentence(i, caps[i], widths == null ? uniform : widths[i], own);
            anyConstraint |= own.length > 0;
            widest = Math.max(widest, s.beams);
            all.add(s);
            active.add(s);
        }
        long[] feed = new long[caps.length];
        Arrays.fill(feed, rules.startToken());
        for (int step = 0; !active.isEmpty(); step++) {
            StepScores scored = anyConstraint ? run.step(feed, 2 * widest, wanted(active)) : run.step(feed, 2 * widest);
            List<Integer> rows = new ArrayList<>();
            List<Long> tokens = new ArrayList<>();
            List<Sentence> stillActive = new ArrayList<>();
            int firstRow = 0;
            for (Sentence s : active) {
                int width = s.running.size();
                int[] parents = s.advance(scored, firstRow, rules, step);
                if (s.result == null && abandoned.test(s.index)) {
                    s.result = new Hypothesis(new int[0], Double.NEGATIVE_INFINITY, FinishReason.ABANDONED);
                }
                if (s.result == null) {
                    stillActive.add(s);
                    for (int i = 0; i < parents.length; i++) {
                        rows.add(firstRow + parents[i]);
                        int[] t = s.running.get(i).tokens;
                        tokens.add((long) t[t.length - 1]);
                    }
                }
                firstRow += width;
            }
            active = stillActive;
            if (active.isEmpty()) {
                break;
            }
            run.select(rows.stream().mapToInt(Integer::intValue).toArray());
            feed = tokens.stream().mapToLong(Long::longValue).toArray();
        }
        return all.stream().map(s -> s.result).toList();
    }

    private static int[][] wanted(List<Sentence> active) {
        List<int[]> rows = new ArrayList<>();
        for (Sentence s : active) {
            rows.addAll(Arrays.asList(s.wanted()));
        }
        return rows.toArray(new int[0][]);
    }
}
