package dev.passerelle.summarize;

import java.util.List;
import java.util.regex.Pattern;

/** Bullets as a Markdown list. */
public final class Markdown {

    /** A line start that Markdown would read as a heading, quote, list or rule instead of text. */
    private static final Pattern SPECIAL_START = Pattern.compile("^([#>*+-]|\\d+[.)])");

    private Markdown() {
    }

    public static String list(List<String> bullets) {
        StringBuilder sb = new StringBuilder();
        for (String b : bullets) {
            String line = b.replaceAll("\\s*\\n\\s*", " ").strip();
            if (SPECIAL_START.matcher(line).find()) {
                line = "\\" + line;
            }
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append("- ").append(line);
        }
        return sb.toString();
    }
}
