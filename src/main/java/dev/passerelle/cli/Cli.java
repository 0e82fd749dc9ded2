package dev.passerelle.cli;


import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * The command-line tools of the application jar ({@code java -jar quarkus-run.jar COMMAND ...}),
 * parsed by picocli: a bad option or value prints what is wrong and the usage and exits with 2, a
 * failure while running prints a message (never a stack trace) and exits with 1, {@code --help} exits with 0.
 *
 * <p>The jar without arguments is the service; with arguments it is one of these tools, {@code help},
 * or a mistake: a mistyped command must not start the HTTP server (an init container would then never end).
 */
public final class Cli {

    /** A command of the jar and the line {@code help} shows for it. */
    private record Entry(String name, String summary, Supplier<Object> command) {
    }

    private static final List<Entry> COMMANDS = List.of(
            new Entry(FetchCommand.NAME, "Downloads the translation model, verifies every file and installs it.",
                    FetchCommand::new),
            new Entry(HashKeyCommand.NAME, "Prints the SHA-256 of an API key, for passerelle.auth.keys.",
                    HashKeyCommand::new),
            new Entry(EvaluateCommand.NAME, "Shows how the digest ranks and picks the sentences of an article.",
                    EvaluateCommand::new),
            new Entry(DigestEvalCommand.NAME, "Scores the digest against journalists' abstracts (ROUGE), beside LEAD.",
                    DigestEvalCommand::new),
            new Entry(ExtractEvaluation.NAME, "Measures the reader view's extraction on pages whose text is known.",
                    ExtractEvaluation::new),
            new Entry(AlignEvalCommand.NAME, "Measures how HTML markup is carried to the English words, on a gold set.",
                    AlignEvalCommand::new),
            new Entry(EngineBenchmark.NAME, "Times the translation engine alone on a model folder.",
                    EngineBenchmark::new));

    private static final List<String> HELP = List.of("help", "--help", "-h");
    private static final String JAR = "java -jar quarkus-run.jar";

    private Cli() {
    }

    /** The command called {@code name}, ready to run, if there is one. */
    public static Optional<CommandLine> command(String name) {
        return COMMANDS.stream().filter(e -> e.name().equals(name)).findFirst()
                .map(e -> commandLine(e.command().get()));
    }

    /**
     * Runs the jar's command line {@code args} (at least one argument: none is the service) on picocli's
     * usual streams, and returns the exit code.
     */
    public static int run(String... args) {
        CommandLine streams = new CommandLine(CommandSpec.create()); // picocli's stdout and stderr writers
        return run(args, streams.getOut(), streams.getErr());
    }

    /**
     * Runs {@code args}: a command, {@code help} (or {@code --help}, {@code -h}; {@code help COMMAND} is
     * {@code COMMAND --help}), {@code --version}, or else a mistake, told on {@code err} with the list of
     * commands and exit code 2.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        if (args.length == 0) {
            throw new IllegalArgumentException("no arguments: the service starts, not a command");
        }
        String first = args[0];
        Optional<CommandLine> command = command(first);
        if (command.isPresent()) {
            return command.get().setOut(out).setErr(err).execute(Arrays.copyOfRange(args, 1, args.length));
        }
        if (HELP.contains(first)) {
            if (args.length > 1) {
                return run(new String[] {args[1], "--help"}, out, err);
            }
            out.print(usage());
            out.flush();
            return 0;
        }
        if (first.equals("--version")) {
            out.println(new Version().getVersion()[0]);
            out.flush();
            return 0;
        }
        err.println("unknown command '" + first + "'" + hint(first));
        err.println();
        err.print(usage());
        err.flush();
        return CommandLine.ExitCode.USAGE;
    }

    /** What {@code help} prints: the commands, one line each, and how to start the service. */
    static String usage() {
        StringBuilder s = new StringBuilder();
        s.append("Usage: ").append(JAR).append(" [COMMAND [OPTIONS]]\n\n");
        s.append("Without a command, starts the Passerelle HTTP service: ").append(JAR).append("\n\n");
        s.append("Commands:\n");
        for (Entry e : COMMANDS) {
            s.append(String.format(Locale.ROOT, "  %-15s %s%n", e.name(), e.summary()));
        }
        s.append(String.format(Locale.ROOT, "  %-15s %s%n", "help", "Shows this list."));
        s.append("\nCOMMAND --help (or help COMMAND) shows the options of a command.\n");
        return s.toString();
    }

    /** "; did you mean ..." for a near miss, or a word on JVM options given after {@code -jar}. */
    private static String hint(String arg) {
        if (arg.startsWith("-D") || arg.startsWith("-X")) {
            return "; JVM options go before -jar (java " + arg + " -jar quarkus-run.jar), and the service "
                    + "takes no arguments";
        }
        return closest(arg).map(name -> "; did you mean '" + name + "'?").orElse("");
    }

    /** The command name {@code arg} probably meant: a few typos away, or a start of it. */
    static Optional<String> closest(String arg) {
        String a = arg.toLowerCase(Locale.ROOT);
        List<String> names = new ArrayList<>(COMMANDS.stream().map(Entry::name).toList());
        names.add("help");
        Optional<String> near = names.stream().filter(n -> distance(a, n) <= 2)
                .min(Comparator.comparingInt(n -> distance(a, n)));
        if (near.isPresent() || a.length() < 3) {
            return near;
        }
        return names.stream().filter(n -> n.startsWith(a) || a.startsWith(n)).findFirst();
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    /** Picocli's command line for {@code command}, with the settings every Passerelle command shares. */
    public static CommandLine commandLine(Object command) {
        CommandLine cl = new CommandLine(command);
        lowerCaseChoices(cl.getCommandSpec());
        cl.setExecutionExceptionHandler((e, failed, parseResult) -> {
            failed.getErr().println(failed.getCommandName() + ": " + describe(e));
            return 1;
        });
        return cl;
    }

    /**
     * Every enum option takes and shows its values as settings and manifests spell them ({@code fp32},
     * not {@code FP32}), in any case: in error messages, and in {@code --help} through
     * {@code ${COMPLETION-CANDIDATES}}. Picocli builds both from the constant names, so the options are
     * rebuilt, in their order, with a converter and candidates of their own.
     */
    private static void lowerCaseChoices(CommandSpec spec) {
        List<OptionSpec> options = List.copyOf(spec.options());
        if (options.stream().noneMatch(o -> o.type().isEnum())) {
            return;
        }
        options.forEach(spec::remove);
        for (OptionSpec o : options) {
            spec.addOption(o.type().isEnum() ? choice(o, o.type().getEnumConstants()) : o);
        }
    }

    private static OptionSpec choice(OptionSpec option, Object[] constants) {
        List<String> labels = Arrays.stream(constants).map(Cli::label).toList();
        return option.toBuilder().completionCandidates(labels).converters(value -> {
            for (Object c : constants) {
                if (label(c).equalsIgnoreCase(value)) {
                    return c;
                }
            }
            throw new TypeConversionException("expected one of " + labels + " but was '" + value + "'");
        }).build();
    }

    /** An enum constant as it is written on the command line. */
    static String label(Object constant) {
        return ((Enum<?>) constant).name().toLowerCase(Locale.ROOT);
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
