package dev.passerelle.security;

/**
 * Why a limit refused a request: which limit (a sentence naming it and its setting), how many
 * seconds until it would pass, and whether it never can (the request alone is over the budget).
 */
public record Refusal(String limit, long retryAfterSeconds, boolean never) {
}
