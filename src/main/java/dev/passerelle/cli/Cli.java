package dev.passerelle.cli;


import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.IVersionProvider;

/**
 * The command-line tools of the application jar ({@code java -jar quarkus-run.jar COMMAND ...}),
 * parsed by picocli: a bad option or value prints what is wrong and the usage and exits with 2, a
 * failure while running prints a message (never a stack trace) and exits with 1, {@code --help} exits with 0.
 */
public final class Cli {

    private static final Map<String, Supplier<Object>> COMMANDS = Map.of(
            FetchCommand.NAME, FetchCommand::new,
            HashKeyCommand.NAME, HashKeyCommand::new,
            EngineBenchmark.NAME, EngineBenchmark::new,
            EvaluateCommand.NAME, EvaluateCommand::new);

    private Cli() {
    }

    /** The command called {@code name}, ready to run, if there is one. */
    public static Optional<CommandLine> command(String name) {
        return Optional.ofNullable(COMMANDS.get(name)).map(c -> commandLine(c.get()));
    }

    /** Picocli's command line for {@code command}, with the settings every Passerelle command shares. */
    public static CommandLine commandLine(Object command) {
        CommandLine cl = new CommandLine(command);
        cl.setCaseInsensitiveEnumValuesAllowed(true); // --variant fp32, as settings and manifests spell it
        cl.setExecutionExceptionHandler((e, failed, parseResult) -> {
            failed.getErr().println(failed.getCommandName() + ": " + describe(e));
            return 1;
        });
        return cl;
    }

    /** A failure in words, for a user who should not have to read a stack trace. */
    public static String describe(Throwable e) {
        if (e instanceof NoSuchFileException) {
            return "no such file: " + e.getMessage();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + e.getMessage();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** {@code --version}: the version the application jar was built as. */
    public static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"Passerelle " + (v != null ? v : "(development build)")};
        }
    }
}
