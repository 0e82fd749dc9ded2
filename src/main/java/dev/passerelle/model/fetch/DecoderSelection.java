package dev.passerelle.model.fetch;

import dev.passerelle.model.DecoderChoice;
import java.util.Locale;

/**
 * Which decoder layout's graphs to fetch: {@code merged}, {@code split}, or {@code all}. {@code auto}
 * is accepted too, because it is the service's default decoder setting; it fetches what that setting
 * loads when nothing else is there: the merged graph.
 */
public enum DecoderSelection {
    MERGED,
    SPLIT,
    ALL,
    AUTO;

    /** The selection that fetches what the service loads for {@code choice}. */
    public static DecoderSelection of(DecoderChoice choice) {
        return switch (choice) {
            case AUTO, MERGED -> MERGED;
            case SPLIT -> SPLIT;
        };
    }

    /** {@link #AUTO} as the layout it fetches; every other value as itself. */
    DecoderSelection resolved() {
        return this == AUTO ? MERGED : this;
    }

    /** Whether a file tagged {@code tag} in the manifest ({@code merged}, {@code split}) is wanted. */
    boolean wants(String tag) {
        return resolved() == ALL || resolved().label().equals(tag);
    }

    /** The name used on the command line and in manifests. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
