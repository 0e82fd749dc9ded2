package dev.passerelle.cli;

import static dev.passerelle.model.fetch.FetchListener.mb;

import dev.passerelle.model.fetch.FetchListener;
import java.io.PrintWriter;
import java.util.Locale;

/** Progress on the terminal: a redrawn line on a console, a line per 10% in logs. */
final class ConsoleProgress implements FetchListener {

    private final PrintWriter out;
    private final boolean console;
    private long startNanos;
    private long startBytes;
    private int lastDecile;

    ConsoleProgress(PrintWriter out, boolean console) {
        this.out = out;
        this.console = console;
    }

    @Override
    public void started(String path, long already, long total) {
        startNanos = System.nanoTime();
        startBytes = already;
        lastDecile = -1;
        out.println(FetchListener.startLine(path, already, total));
    }

    @Override
    public void progressed(String path, long done, long total) {
        double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        String rate = String.format(Locale.ROOT, "%.1f MB/s", (done - startBytes) / seconds / 1e6);
        if (total <= 0) {
            if (console) {
                out.print("\r  " + mb(done) + "  " + rate + "   ");
                out.flush();
            }
            return;
        }
        int percent = (int) (100 * done / total);
        if (console) {
            int bar = percent / 4;
            out.print("\r  [" + "#".repeat(bar) + " ".repeat(25 - bar) + "] " + percent + "%  " + mb(done)
                    + " / " + mb(total) + "  " + rate + "   ");
            out.flush(); // print does not flush, and a redrawn line has no newline
        } else if (percent / 10 > lastDecile) {
            lastDecile = percent / 10;
            out.println("  " + percent + "%  " + mb(done) + " / " + mb(total) + "  " + rate);
        }
    }

    @Override
    public void finished(String path, long size, String sha256) {
        if (console) {
            out.println();
        }
        out.println("  ok " + path + "  " + mb(size) + "  sha256 " + sha256);
    }

    @Override
    public void info(String message) {
        out.println(message);
    }

    @Override
    public void warn(String message) {
        out.println((console ? "\n" : "") + "warning: " + message);
    }

}
