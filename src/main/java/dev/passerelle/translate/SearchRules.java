package dev.passerelle.translate;

/**
 * What every search strategy obeys: the start and end tokens, ids never emitted (the pad),
 * and whether degenerate repetition is cut.
 */
public record SearchRules(int startToken, int eosToken, int[] bannedTokens, boolean repetitionGuard) {
}
