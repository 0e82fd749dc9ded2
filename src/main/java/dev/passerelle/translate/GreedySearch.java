package dev.passerelle.translate;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Greedy decoding: the most likely token at every step. Finished sentences leave the batch so
 * later steps only pay for the sentences still running; so do abandoned ones, at the next step.
 */
public final class GreedySearch implements SearchStrategy {

    /** Drop finished rows once at least this share of the batch is done (a gather has a cost). */
    private static final double PRUNE_SHARE = 0.25;

    @Override
    public List<Hypothesis> search(DecoderRun run, int[] caps, SearchRules rules, IntPredicate abandoned) {
        int n = caps.length;
        int maxCap = Arrays.stream(caps).max().orElse(0);
        int[][] tokens = new int[n][maxCap];
        double[] sums = new double[n];
        int[] lengths = new int[n];
        Hypothesis[] results = new Hypothesis[n];
        int[] rowSource = new int[n];
        for (int i = 0; i < n; i++) {
            rowSource[i] = i;
        }
        long[] feed = new long[n];
        Arrays.fill(feed, rules.startToken());
        for (int step = 0; rowSource.length > 0; step++) {
            StepScores best = run.step(feed, 1);
            int stillRunning = 0;
            for (int row = 0; row < rowSource.length; row++) {
                int s = rowSource[row];
                if (results[s] != null) {
                    continue; // finished earlier, kept in the batch until the next prune
                }
                boolean forced = step == caps[s] - 1;
                // At the length cap the end token is the only choice, with log-probability 0.
                int token = forced ? rules.eosToken() : best.token(row, 0);
                sums[s] += forced ? 0.0 : best.logProb(row, 0);
                tokens[s][lengths[s]++] = token;
                results[s] = finished(tokens[s], lengths[s], sums[s], token, forced, rules);
                if (results[s] == null && abandoned.test(s)) {
                    results[s] = new Hypothesis(Arrays.copyOf(tokens[s], lengths[s]), sums[s] / lengths[s],
                            FinishReason.ABANDONED);
                }
                if (results[s] == null) {
                    stillRunning++;
                }
            }
            if (stillRunning == 0) {
                break;
            }
            rowSource = prune(run, rowSource, results, stillRunning);
            feed = new long[rowSource.length];
            for (int row = 0; row < rowSource.length; row++) {
                int s = rowSource[row];
                feed[row] = results[s] == null ? tokens[s][lengths[s] - 1] : rules.eosToken();
            }
        }
        return List.of(results);
    }

    private static Hypothesis finished(int[] tokens, int length, double sum, int token, boolean last,
                                       SearchRules rules) {
        if (token == rules.eosToken()) {
            return new Hypothesis(Arrays.copyOf(tokens, length - 1), sum / length,
                    last ? FinishReason.LENGTH : FinishReason.EOS);
        }
        if (rules.repetitionGuard()) {
            int cut = RepetitionGuard.truncatedLength(tokens, length);
            if (cut >= 0) {
                // Score what is kept; the repeated tail says nothing about the translation's quality.
                return new Hypothesis(Arrays.copyOf(tokens, cut), sum / length, FinishReason.REPETITION);
            }
        }
        return null;
    }

    private static int[] prune(DecoderRun run, int[] rowSource, Hypothesis[] results, int stillRunning) {
        if (stillRunning == rowSource.length || stillRunning > rowSource.length * (1 - PRUNE_SHARE)) {
            return rowSource;
        }
        int[] keepRows = new int[stillRunning];
        int[] keepSources = new int[stillRunning];
        int k = 0;
        for (int row = 0; row < rowSource.length; row++) {
            if (results[rowSource[row]] == null) {
                keepRows[k] = row;
                keepSources[k++] = rowSource[row];
            }
        }
        run.select(keepRows);
        return keepSources;
    }
}
