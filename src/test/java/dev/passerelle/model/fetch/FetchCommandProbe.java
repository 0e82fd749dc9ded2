package dev.passerelle.model.fetch;

import java.util.List;
import java.util.Map;

/** Lets tests outside the package check a fetch-model command line against the real parser. */
public final class FetchCommandProbe {

    private FetchCommandProbe() {
    }

    public static void parse(List<String> args) {
        FetchCommand.parse(args.toArray(String[]::new), Map.of());
    }
}
