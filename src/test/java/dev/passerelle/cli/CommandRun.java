package dev.passerelle.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of a command as {@code Main} runs it, with what it printed on each stream. */
public record CommandRun(int code, String out, String err) {

    public static CommandRun of(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.commandLine(command).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }

    /** {@code java -jar quarkus-run.jar args...}, as {@code Main} hands a non-empty command line to {@link Cli}. */
    public static CommandRun jar(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CommandRun(code, out.toString(), err.toString());
    }
}
