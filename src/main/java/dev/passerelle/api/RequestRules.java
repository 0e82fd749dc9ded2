package dev.passerelle.api;

import dev.passerelle.clean.ArticleExtractor;
import dev.passerelle.config.PasserelleConfig;
import dev.passerelle.translate.DecodeOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/** Checks shared by every endpoint: text present and within limits, format, beams, bullets. */
@ApplicationScoped
public class RequestRules {

    static final int MAX_BEAMS = 8;
    static final int MAX_BULLETS = 20;

    private final PasserelleConfig config;

    RequestRules(PasserelleConfig config) {
        this.config = config;
    }

    /** Whether {@code format} asks for HTML; 400 for anything but text or html. */
    boolean isHtml(String format) {
        if (format == null) {
            return false;
        }
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "text" -> false;
            case "html" -> true;
            default -> throw ProblemException.badRequest("\"format\" must be \"text\" or \"html\", got \"" + format + "\"");
        };
    }

    /**
     * The text to work on: present, within the size limit, not blank; HTML reduced to its article
     * (with its headline when {@code withTitle}).
     */
    String text(String text, String name, boolean html, boolean withTitle) {
        if (text == null) {
            throw ProblemException.badRequest("\"" + name + "\" is required and must be a string");
        }
        int max = config.text().maxChars();
        if (text.length() > max) {
            throw new ProblemException(413, "Payload Too Large", name + " has " + text.length()
                    + " characters; the limit is " + max + " (passerelle.text.max-chars)");
        }
        String plain = text;
        if (html) {
            var article = ArticleExtractor.extract(text);
            plain = withTitle ? article.withTitle() : article.body();
        }
        if (plain.isBlank()) {
            throw ProblemException.badRequest(name + " is empty" + (html ? " once the HTML is reduced to text" : ""));
        }
        return plain;
    }

    /** The defaults, with the request's beam width when it gives one (1 to 8). */
    DecodeOptions options(Integer beams, DecodeOptions defaults) {
        if (beams == null) {
            return defaults;
        }
        if (beams < 1 || beams > MAX_BEAMS) {
            throw ProblemException.badRequest("\"beams\" must be between 1 and " + MAX_BEAMS + ", got " + beams);
        }
        return defaults.withBeams(beams);
    }

    /** The requested bullet count (1 to 20), or null for the default. */
    Integer bullets(Integer bullets) {
        if (bullets != null && (bullets < 1 || bullets > MAX_BULLETS)) {
            throw ProblemException.badRequest("\"bullets\" must be between 1 and " + MAX_BULLETS + ", got " + bullets);
        }
        return bullets;
    }
}
