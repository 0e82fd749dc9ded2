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
}
