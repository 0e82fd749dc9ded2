package dev.passerelle.translate;

/**
 * What every search strategy obeys: the start and end tokens, ids never emitted (the pad),
 * whether degenerate repetition is cut, and whether the end token waits for the length cap
 * (benchmarks, for a fixed number of generated tokens).
 */
public record SearchRules(int startToken, int eosToken, int[] bannedTokens, boolean repetitionGuard,
                          boolean eosOnlyAtCap) {

    /**
     * Tokens masked out of every step's scores: the banned ones, and the end token too when it waits
     * for the cap (the searches force it there themselves).
     */
    int[] maskedTokens() {
        if (!eosOnlyAtCap) {
            return bannedTokens;
        }
        int[] masked = java.util.Arrays.copyOf(bannedTokens, bannedTokens.length + 1);
        masked[bannedTokens.length] = eosToken;
        return masked;
    }
}
