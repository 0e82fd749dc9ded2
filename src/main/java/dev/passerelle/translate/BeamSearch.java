package dev.passerelle.translate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Beam search with length-normalised scores (length penalty 1), the rules of Hugging Face's
 * BeamSearchScorer without early stopping: each step ranks 2k continuations of a sentence's k
 * beams, an end token ranked within the first k finishes a hypothesis, and a sentence is done
 * when its k best finished hypotheses beat what its best running beam could still reach.
 * Every beam of every sentence of the batch runs in the same ONNX call. An abandoned sentence
 * finishes at the next step and its beams leave the batch.
 */
public final class BeamSearch implements SearchStrategy {

    private final int beams;

    public BeamSearch(int beams) {
        if (beams < 1) {
            throw new IllegalArgumentException("beams must be >= 1");
        }
        this.beams = beams;
    }

    /** A running hypothesis: tokens so far and their summed log-probability. */
    private record Beam(int[] tokens, double sum) {
        Beam extend(int token, double logProb) {
            int[] t = Arrays.copyOf(tokens, tokens.length + 1);
            t[tokens.length] = token;
            return new Beam(t, sum + logProb);
        }
    }

    private record Candidate(double score, int beam, int token, double logProb) {
    }

    private static final Comparator<Candidate> ORDER = Comparator.comparingDouble((Candidate c) -> -c.score)
            .thenComparingInt(Candidate::beam).thenComparingInt(Candidate::token);

    /** Search state of one source sentence. */
    private final class Sentence {
        final int index;
        final int cap;
        List<Beam> running = List.of(new Beam(new int[0], 0.0));
        final List<Hypothesis> finished = new ArrayList<>();
        Hypothesis result;

        Sentence(int index, int cap) {
            this.index = index;
            this.cap = cap;
        }

        void addFinished(Hypothesis h) {
            finished.add(h);
            // Stable sort: among equal scores the earlier hypothesis stays ahead.
            finished.sort(Comparator.comparingDouble((Hypothesis x) -> -x.score()));
            if (finished.size() > beams) {
                finished.remove(finished.size() - 1);
            }
        }

        /** Advances by one step; returns the parent index of each new running beam. */
        int[] advance(StepScores scores, int firstRow, SearchRules rules, int step) {
            boolean forced = step == cap - 1;
            List<Candidate> cands = new ArrayList<>(running.size() * 2 * beams);
            for (int b = 0; b < running.size(); b++) {
                if (forced) {
                    // At the length cap the end token is the only choice, with log-probability 0.
                    cands.add(new Candidate(running.get(b).sum, b, rules.eosToken(), 0.0));
                    continue;
                }
                for (int rank = 0; rank < scores.k(); rank++) {
                    double l = scores.logProb(firstRow + b, rank);
                    cands.add(new Candidate(running.get(b).sum + l, b, scores.token(firstRow + b, rank), l));
                }
            }
            cands.sort(ORDER);
            List<Beam> next = new ArrayList<>(beams);
            int[] parents = new int[beams];
            for (int rank = 0; rank < cands.size() && next.size() < beams; rank++) {
                Candidate c = cands.get(rank);
                Beam parent = running.get(c.beam);
                Beam grown = parent.extend(c.token, c.logProb);
                int cut = c.token == rules.eosToken() || !rules.repetitionGuard()
                        ? -1 : RepetitionGuard.truncatedLength(grown.tokens, grown.tokens.length);
                if (c.token == rules.eosToken() || cut >= 0) {
                    if (rank < beams) {
                        int keep = cut >= 0 ? cut : parent.tokens.length;
                        FinishReason why = cut >= 0 ? FinishReason.REPETITION
                                : forced ? FinishReason.LENGTH : FinishReason.EOS;
                        addFinished(new Hypothesis(Arrays.copyOf(grown.tokens, keep),
                                c.score / grown.tokens.length, why));
                    }
                } else {
                    parents[next.size()] = c.beam;
                    next.add(grown);
                }
            }
            running = next;
            boolean done = running.isEmpty() || finished.size() == beams
                    && finished.get(finished.size() - 1).score() >= running.get(0).sum / (step + 1);
            if (done) {
                for (Beam b : running) {
                    if (finished.size() >= beams) {
                        break;
                    }
                    addFinished(new Hypothesis(b.tokens, b.sum / b.tokens.length, FinishReason.LENGTH));
                }
                result = finished.isEmpty()
                        ? new Hypothesis(new int[0], Double.NEGATIVE_INFINITY, FinishReason.LENGTH)
                        : finished.get(0);
            }
            return Arrays.copyOf(parents, next.size());
        }
    }

    @Override
    public List<Hypothesis> search(DecoderRun run, int[] caps, SearchRules rules, IntPredicate abandoned) {
        List<Sentence> active = new ArrayList<>();
        List<Sentence> all = new ArrayList<>();
        for (int i = 0; i < caps.length; i++) {
            Sentence s = new Sentence(i, caps[i]);
            all.add(s);
            active.add(s);
        }
        long[] feed = new long[caps.length];
        Arrays.fill(feed, rules.startToken());
        for (int step = 0; !active.isEmpty(); step++) {
            StepScores scored = run.step(feed, 2 * beams);
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
}
