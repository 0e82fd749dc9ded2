package dev.passerelle.translate;

/**
 * What every search strategy obeys: the start and end tokens, ids never emitted (the pad),
 * whether degenerate repetition is cut, and whether the end token waits for the length cap
 * (benchmarks, for a fixed number of generated tokens).
 */
public record SearchRules(int startToken, int eosToken, int[] bannedTokens, boolean repetitionGuard,
                          boolean eosOnlyAtCap) {
}
