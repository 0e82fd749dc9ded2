package dev.passerelle.model.fetch;

import dev.passerelle.cli.Cli;
import java.util.List;
import java.util.Map;

/** Lets tests outside the package check a fetch-model command line against the real parser. */
public final class FetchCommandProbe {

    private FetchCommandProbe() {
    }

    /** Throws picocli's ParameterException, naming what is wrong, if {@code fetch-model} refuses {@code args}. */
    public static void parse(List<String> args) {
        FetchCommand command = new FetchCommand(Map.of(), false);
        Cli.commandLine(command).parseArgs(args.toArray(String[]::new));
        command.request();
    }
}
