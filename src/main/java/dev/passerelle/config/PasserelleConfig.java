package dev.passerelle.config;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Passerelle's service-wide settings under the {@code passerelle.} prefix (env vars
 * {@code PASSERELLE_...}). Settings whose values are a stage's own types live with that stage:
 * {@code service.ModelConfig} ({@code passerelle.model.*}) and {@code summarize.DigestConfig}
 * ({@code passerelle.digest.*}); this package depends on nothing of Passerelle's.
 */
@ConfigMapping(prefix = "passerelle")
public interface PasserelleConfig {

    Onnx onnx();

    Generation generation();

    Text text();

    Batch batch();

    Cache cache();

    Limits limits();

    Auth auth();

    /** ONNX Runtime session options. */
    interface Onnx {
        /** Threads inside one operator; 0 lets ONNX Runtime use every core. */
        @WithDefault("0")
        @Min(0)
        int intraOpThreads();

        /** Threads across independent operators. */
        @WithDefault("1")
        @Min(1)
        int interOpThreads();

        /** How much ONNX Runtime rewrites the graphs when it loads them. */
        @WithDefault("ALL_OPT")
        OptimizationLevel optimizationLevel();
    }

    /** Decoding defaults; a request may override beams. */
    interface Generation {
        /** Beam width; defaults to generation_config.json's num_beams. 1 to 8, as requests may ask. */
        Optional<@Min(1) @Max(8) Integer> beams();

        /** New tokens allowed per source token (French to English rarely needs more than 1.5). */
        @WithDefault("2.0")
        @DecimalMin("0.1")
        double maxLengthRatio();

        /** New tokens allowed on top of the ratio, for very short inputs. */
        @WithDefault("10")
        @Min(0)
        int maxLengthOffset();

        /** Stop a hypothesis that starts repeating the same few tokens over and over. */
        @WithDefault("true")
        boolean repetitionGuard();

        /** Most sentences decoded together in one ONNX batch. */
        @WithDefault("16")
        @Min(1)
        int maxBatchSentences();

        /** Most padded source tokens in one ONNX batch (rows times longest sentence). */
        @WithDefault("2048")
        @Min(1)
        int maxBatchTokens();

        /**
         * Benchmarks only: every sentence generates exactly this many tokens (0, the default, means
         * normal decoding), so that load runs on a random-weight model compare like for like.
         */
        @WithDefault("0")
        @Min(0)
        int benchmarkFixedNewTokens();
    }

    /** Text handling before the model sees it. */
    interface Text {
        /** Sentences longer than this many source tokens are split at clause boundaries. */
        @WithDefault("200")
        @Min(8)
        int maxSentenceTokens();

        /** Largest text accepted, in characters. */
        @WithDefault("100000")
        @Min(1)
        int maxChars();
    }

    /** Dynamic batching of sentences across concurrent requests. */
    interface Batch {
        /** How long a batch that is not full waits for more sentences. */
        @WithDefault("2ms")
        Duration maxWait();

        /** Sentences allowed to wait; beyond, requests get 503 with Retry-After. */
        @WithDefault("2000")
        @Min(1)
        int queueCapacity();

        /** Longest a request waits for its translation before it gets 503. */
        @WithDefault("60s")
        Duration deadline();

        /** Threads running batches; ONNX Runtime already uses every core for one batch. */
        @WithDefault("1")
        @Min(1)
        int workers();
    }

    /** The sentence cache. */
    interface Cache {
        @WithDefault("true")
        boolean enabled();

        /** Most sentences kept; the least recently used go first. */
        @WithDefault("20000")
        @Min(1)
        long maxSentences();
    }

    /** Request size limits (413 beyond) and the rate limits of callers without a key. */
    interface Limits {
        /** Largest request body, in bytes as they arrive (chunked or not), not as Content-Length claims. */
        @WithDefault("1048576")
        @Min(1)
        long maxBodyBytes();

        /** Requests per minute from one client address while API keys are off; 0 means unlimited. */
        @WithDefault("0")
        @Min(0)
        int anonymousRequestsPerMinute();

        /** Characters of accepted text per minute from one client address while API keys are off; 0 means unlimited. */
        @WithDefault("0")
        @Min(0)
        int anonymousCharsPerMinute();

        /** Most client addresses whose budgets are tracked at once; the least recently seen go first. */
        @WithDefault("10000")
        @Min(1)
        int anonymousAddresses();

        /** Most texts in one {@code texts} request. */
        @WithDefault("100")
        @Min(1)
        int maxTexts();
    }

    /** API keys and their rate limits. */
    interface Auth {
        /** Require an API key on /v1 endpoints. */
        @WithDefault("false")
        boolean enabled();

        /**
         * Keys as {@code name:sha256-hex[:requests-per-minute[:endpoint+endpoint]]}, for instance
         * {@code newsroom:9f86d0...:600:translate+digest}; only the SHA-256 of a key is configured.
         */
        Optional<List<String>> keys();

        /** Requests per minute for keys that do not set their own; 0 means unlimited. */
        @WithDefault("600")
        @Min(0)
        int requestsPerMinute();

        /** Characters of accepted text per minute for each key; 0 means unlimited. */
        @WithDefault("200000")
        @Min(0)
        int charsPerMinute();
    }
}
