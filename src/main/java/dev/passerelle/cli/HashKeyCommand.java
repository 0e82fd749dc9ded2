package dev.passerelle.cli;

import dev.passerelle.security.ApiKeys;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hash-key KEY}: prints the SHA-256 to configure for an API key. */
@Command(name = HashKeyCommand.NAME, mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Prints the SHA-256 of an API key, as passerelle.auth.keys wants it: only the hash of a key "
                + "goes into configuration.")
public final class HashKeyCommand implements Callable<Integer> {

    public static final String NAME = "hash-key";

    @Parameters(paramLabel = "KEY", description = "The API key clients will send.")
    String key;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (key.isBlank()) {
            throw new ParameterException(spec.commandLine(), "KEY is blank: give the API key clients will send");
        }
        if (!key.equals(key.strip())) {
            // The service strips what clients send, so a key with spaces around it could never match.
            throw new ParameterException(spec.commandLine(),
                    "KEY starts or ends with whitespace, which the service strips from the keys clients send");
        }
        spec.commandLine().getOut().println(HexFormat.of().formatHex(ApiKeys.sha256(key)));
        return 0;
    }
}
