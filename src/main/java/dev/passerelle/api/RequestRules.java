package dev.passerelle.api;

import dev.passerelle.glossary.Glossary;
import dev.passerelle.glossary.GlossaryConfig;
import dev.passerelle.glossary.GlossaryEntry;
import dev.passerelle.glossary.GlossaryStore;
import java.util.ArrayList;
import dev.passerelle.clean.Article;
import dev.passerelle.html.HtmlPage;
import dev.passerelle.clean.ArticleExtractor;
import dev.passerelle.config.PasserelleConfig;
import dev.passerelle.security.TextBudget;
import dev.passerelle.security.Refusal;
import dev.passerelle.text.TextNormalizer;
import dev.passerelle.translate.DecodeOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Checks shared by every endpoint: text present and within limits, format, beams, bullets. */
@ApplicationScoped
public class RequestRules {

    static final int MAX_BEAMS = 8;
    static final int MAX_BULLETS = 20;
    /** A headline longer than this is not a headline. */
    static final int MAX_TITLE_CHARS = 1000;

    private final PasserelleConfig config;
    private final TextBudget budget;

    private final GlossaryStore store;
    private final GlossaryConfig glossaries;

    RequestRules(PasserelleConfig config, TextBudget budget, GlossaryStore store, GlossaryConfig glossaries) {
        this.config = config;
        this.budget = budget;
        this.store = store;
        this.glossaries = glossaries;
    }

    /** Whether {@code format} asks for HTML (text when absent). */
    static boolean isHtml(Format format) {
        return format == Format.HTML;
    }

    /**
     * The text to work on: present, within the size limit, not blank; HTML reduced to its article
     * (with its headline when {@code withTitle}). Not charged yet: see {@link #charge}.
     */
    String text(String text, String name, boolean html, boolean withTitle) {
        Article article = html ? article(text, name) : new Article("", checked(text, name));
        return visible(withTitle ? article.withTitle() : article.body(), name, html);
    }

    /**
     * What a digest reads: the article of a page with its headline (the {@code <h1>}), or a text as
     * the body with no headline; the body checked as {@link #text} checks it.
     */
    Article articleOrText(String text, String name, boolean html) {
        Article article = html ? article(text, name) : new Article("", checked(text, name));
        visible(article.body(), name, html);
        return article;
    }

    private static String visible(String plain, String name, boolean html) {
        if (TextNormalizer.invisible(plain)) {
            throw ProblemException.badRequest(name + " is empty" + (html ? " once the HTML is reduced to text" : "")
                    + (plain.isBlank() ? "" : ": it holds only invisible characters"));
        }
        return plain;
    }

    /**
     * An HTML text to translate as HTML: present, within the size limit, of acceptable characters
     * before and after its entities are decoded, with some text outside kept elements.
     */
    HtmlPage page(String html, String name) {
        String checked = checked(html, name);
        HtmlPage page;
        try {
            page = HtmlPage.parse(checked);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name + " is not HTML to translate as HTML: " + e.getMessage()
                    + " (\"extract\": true reads it as an article)");
        }
        checkCharacters(page.text(), name + " (its HTML entities decoded)");
        if (!page.hasText() || TextNormalizer.invisible(page.text())) {
            throw ProblemException.badRequest(name + " is empty: it has no text to translate outside code, scripts "
                    + "and translate=\"no\" elements");
        }
        return page;
    }

    /**
     * The article of the page {@code html} (its reader view): the page present, within the size limit,
     * of acceptable characters before and after its entities are decoded. Not checked for emptiness.
     */
    Article article(String html, String name) {
        Article article = ArticleExtractor.extract(checked(html, name));
        // Entities decode only now: &#0; or &#xD800; must meet the same checks as typed text.
        checkCharacters(article.withTitle(), name + " (its HTML entities decoded)");
        return article;
    }

    /** {@code text} present, within passerelle.text.max-chars, of acceptable characters. */
    private String checked(String text, String name) {
        if (text == null) {
            throw ProblemException.badRequest("\"" + name + "\" is required and must be a string");
        }
        int max = config.text().maxChars();
        if (text.length() > max) {
            throw new ProblemException(413, "Payload Too Large", name + " has " + text.length()
                    + " characters; the limit is " + max + " (passerelle.text.max-chars)");
        }
        checkCharacters(text, name);
        return text;
    }

    /**
     * Charges the texts' length, as the model will see them, to the caller's character budget: once,
     * after every other check of the request passed and its model was found, so that a refused
     * request costs nothing. 429 when the budget is used up for now, 413 when it never could be.
     */
    void charge(List<String> texts) {
        int chars = texts.stream().mapToInt(String::length).sum();
        String name = texts.size() == 1 ? "the text" : "the texts";
        Optional<Refusal> refused = budget.charge(chars);
        if (refused.isEmpty()) {
            return;
        }
        Refusal r = refused.get();
        if (r.never()) {
            throw new ProblemException(413, "Payload Too Large", name + " has " + chars + " characters, more than "
                    + "a whole minute's budget: " + r.limit() + "; split it");
        }
        throw new ProblemException(429, "Too Many Requests", r.limit() + "; " + name + " has " + chars
                + " characters", (int) r.retryAfterSeconds());
    }

    /**
     * Refuses control characters (other than tab and line breaks), broken UTF-16 (a lone surrogate
     * from a bad {@code \\uD800} escape) and bidirectional overrides (U+202D, U+202E, which make text
     * display differently from what it says): they are never meant as news text.
     */
    static void checkCharacters(String text, String name) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r';
            boolean loneSurrogate = Character.isHighSurrogate(c)
                    ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(++i))
                    : Character.isLowSurrogate(c);
            boolean override = c == '\u202D' || c == '\u202E';
            if (control || loneSurrogate || override) {
                throw ProblemException.badRequest(name + " contains " + (control
                        ? String.format("the control character U+%04X", (int) c) : override
                        ? String.format("the bidirectional override U+%04X", (int) c) : "a broken surrogate pair")
                        + " at offset " + i);
            }
        }
    }

    /** The request's texts, at most passerelle.limits.max-texts of them. */
    void checkTextCount(int count) {
        int max = config.limits().maxTexts();
        if (count > max) {
            throw new ProblemException(413, "Payload Too Large", "\"texts\" has " + count + " entries; the limit is "
                    + max + " (passerelle.limits.max-texts)");
        }
    }

    /** A query parameter that must be a whole number, or null when absent. */
    static Integer integer(String value, String name) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("\"" + name + "\" must be a whole number, got \"" + value + "\"");
        }
    }

    /** Decodes a plain-text body, refusing bytes that are not UTF-8. */
    static String utf8(byte[] body, String name) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest(name + " is not valid UTF-8");
        }
    }

    /**
     * The glossary a request applies: its own terms, then the terms it keeps as written, then the
     * server's glossary it names; each entry checked, the total bounded.
     */
    Glossary glossary(GlossaryFields request) {
        return glossary(request.glossary(), request.glossaryId(), request.doNotTranslate());
    }

    /** As {@link #glossary(GlossaryFields)}, from the fields themselves. */
    Glossary glossary(List<GlossaryTerm> own, String id, List<String> keep) {
        List<GlossaryEntry> entries = new ArrayList<>();
        for (int i = 0; own != null && i < own.size(); i++) {
            GlossaryTerm t = own.get(i);
            String name = "glossary[" + i + "]";
            if (t == null) {
                throw ProblemException.badRequest(name + " is empty: give {\"source\": ..., \"target\": ...}");
            }
            String rule = t.caseRule() == null ? "ignore" : t.caseRule();
            if (!rule.equals("ignore") && !rule.equals("exact")) {
                throw ProblemException.badRequest(name + ".case is \"ignore\" or \"exact\"");
            }
            // The field-level check first: its message names the field and the offset.
            if (t.source() != null) {
                checkCharacters(t.source(), name + ".source");
            }
            if (t.target() != null) {
                checkCharacters(t.target(), name + ".target");
            }
            entries.add(entry(name, () -> new GlossaryEntry(t.source(), t.target(), rule.equals("exact"))));
        }
        for (int i = 0; keep != null && i < keep.size(); i++) {
            String term = keep.get(i);
            if (term != null) {
                checkCharacters(term, "do_not_translate[" + i + "]");
            }
            entries.add(entry("do_not_translate[" + i + "]", () -> GlossaryEntry.keep(term == null ? "" : term)));
        }
        if (entries.size() > glossaries.maxEntries()) {
            throw ProblemException.badRequest("glossary and do_not_translate hold " + entries.size() + " terms; at most "
                    + glossaries.maxEntries() + " (passerelle.glossary.max-entries)");
        }
        Glossary g = new Glossary(entries);
        if (id != null) {
            Glossary server = GlossaryStore.NAME.matcher(id).matches() ? store.get(id).orElse(null) : null;
            if (server == null) {
                throw ProblemException.badRequest("there is no glossary \"" + clip(id) + "\" on this server; "
                        + "GET /v1/glossaries lists them");
            }
            g = g.plus(server);
        }
        return g;
    }

    private static GlossaryEntry entry(String name, java.util.function.Supplier<GlossaryEntry> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name + ": " + e.getMessage());
        }
    }

    private static String clip(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }

    /** The defaults, with the request's beam width when it gives one (1 to 8). */
    DecodeOptions options(Integer beams, DecodeOptions defaults) {
        return beams(beams) == null ? defaults : defaults.withBeams(beams);
    }

    /** The requested beam width (1 to 8), or null for the default; checked even where nothing is translated. */
    Integer beams(Integer beams) {
        if (beams != null && (beams < 1 || beams > MAX_BEAMS)) {
            throw ProblemException.badRequest("\"beams\" must be between 1 and " + MAX_BEAMS + ", got " + beams);
        }
        return beams;
    }

    /** The requested bullet count (1 to 20), or null for the default. */
    Integer bullets(Integer bullets) {
        if (bullets != null && (bullets < 1 || bullets > MAX_BULLETS)) {
            throw ProblemException.badRequest("\"bullets\" must be between 1 and " + MAX_BULLETS + ", got " + bullets);
        }
        return bullets;
    }

    /** The article's headline for ranking bullets: at most 1,000 characters; empty when absent. */
    String title(String title) {
        if (title == null) {
            return "";
        }
        if (title.length() > MAX_TITLE_CHARS) {
            throw ProblemException.badRequest("\"title\" has " + title.length() + " characters; the limit is "
                    + MAX_TITLE_CHARS);
        }
        checkCharacters(title, "title");
        return title.strip();
    }
}
