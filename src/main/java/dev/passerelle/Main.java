package dev.passerelle;

import dev.passerelle.model.fetch.FetchCommand;
import dev.passerelle.summarize.EvaluateCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Arrays;

/**
 * Entry point: {@code fetch-model [options]} downloads the model, {@code summarize-eval FILE} prints
 * how the digest ranks an article; anything else starts the HTTP service.
 */
@QuarkusMain
public final class Main {

    private Main() {
    }

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals(FetchCommand.NAME)) {
            System.exit(FetchCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals(EvaluateCommand.NAME)) {
            System.exit(EvaluateCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        Quarkus.run(args);
    }
}
