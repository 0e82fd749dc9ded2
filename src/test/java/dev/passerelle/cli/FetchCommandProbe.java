package dev.passerelle.cli;

import dev.passerelle.model.fetch.InstallRequest;
import java.util.List;
import java.util.Map;

/** Lets tests outside the package run a fetch-model command line through the real parser and command. */
public final class FetchCommandProbe {

    private FetchCommandProbe() {
    }

    /** Throws picocli's ParameterException, naming what is wrong, if {@code fetch-model} refuses {@code args}. */
    public static void parse(List<String> args) {
        parse(Map.of(), args.toArray(String[]::new));
    }

    /** The request {@code fetch-model args} would make, in environment {@code env}. */
    public static InstallRequest parse(Map<String, String> env, String... args) {
        FetchCommand command = new FetchCommand(env, false);
        Cli.commandLine(command).parseArgs(args);
        return command.request();
    }

    /** Runs {@code fetch-model args} in environment {@code env}, capturing its exit code and output. */
    public static CommandRun run(Map<String, String> env, String... args) {
        return CommandRun.of(new FetchCommand(env, false), args);
    }
}
