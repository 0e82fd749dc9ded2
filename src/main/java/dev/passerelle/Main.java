package dev.passerelle;

import dev.passerelle.bench.EngineBenchmark;
import dev.passerelle.model.fetch.FetchCommand;
import dev.passerelle.security.ApiKeys;
import dev.passerelle.summarize.EvaluateCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Entry point: {@code fetch-model [options]} downloads the model, {@code summarize-eval FILE} prints
 * how the digest ranks an article, {@code hash-key KEY} prints the SHA-256 to configure for an API
 * key; anything else starts the HTTP service.
 */
@QuarkusMain
public final class Main {

    private Main() {
    }

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals(FetchCommand.NAME)) {
            System.exit(FetchCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length == 2 && args[0].equals("hash-key")) {
            // For passerelle.auth.keys: only the hash of a key goes into configuration.
            System.out.println(HexFormat.of().formatHex(ApiKeys.sha256(args[1])));
            System.exit(0);
        }
        if (args.length > 0 && args[0].equals(EngineBenchmark.NAME)) {
            try {
                System.exit(EngineBenchmark.run(Arrays.copyOfRange(args, 1, args.length), System.out));
            } catch (java.io.IOException e) {
                System.err.println(e.getMessage());
                System.exit(1);
            }
        }
        if (args.length > 0 && args[0].equals(EvaluateCommand.NAME)) {
            System.exit(EvaluateCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        Quarkus.run(args);
    }
}
