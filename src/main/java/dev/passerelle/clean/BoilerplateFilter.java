package dev.passerelle.clean;

import dev.passerelle.text.Document;
import dev.passerelle.text.Segment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tells article content from the furniture that scraping leaves in (photo credits, bylines,
 * sources, comment counters, share prompts, bare URLs, tiny fragments). Paragraph rules come
 * first, since a caption or a byline is a whole line; then sentence rules. French and English.
 */
public final class BoilerplateFilter {

    /** A sentence needs at least this many words to be content. */
    static final int MIN_WORDS = 4;

    private static final Pattern AGENCIES = Pattern.compile(
            "AFP|Reuters|AP|TASS|Xinhua|Belga|ANSA|DPA|EFE|Kazinform|Sputnik|RIA Novosti|Interfax|Anadolu|Kyodo|Yonhap");

    private static final Map<Boilerplate, List<Pattern>> PARAGRAPH_RULES = new LinkedHashMap<>();

    static {
        PARAGRAPH_RULES.put(Boilerplate.PHOTO_CREDIT, List.of(
                Pattern.compile("(?iu)(^|[.!?»\\s])(photos?|cr[ée]dits? photos?|illustration|image|vid[ée]o)\\s*:\\s*\\S[^!?]{0,80}$"),
                Pattern.compile("(?iu)^(photos?|cr[ée]dits? photos?)\\s*:"),
                Pattern.compile("©")));
        PARAGRAPH_RULES.put(Boilerplate.SOURCE, List.of(
                Pattern.compile("(?iu)^(sources?|lire aussi|[àa] lire aussi|voir aussi|lien|read more|read also|related)\\s*:")));
        PARAGRAPH_RULES.put(Boilerplate.COMMENTS, List.of(
                Pattern.compile("(?iu)^(comments?|commentaires?|r[ée]agir|r[ée]actions?)\\s*(\\(\\s*\\d+\\s*\\))?\\s*$"),
                Pattern.compile("(?iu)^\\d+\\s+(comments?|commentaires?|r[ée]actions?)$")));
        PARAGRAPH_RULES.put(Boilerplate.SHARE, List.of(
                Pattern.compile("(?iu)^(partager|partagez|share|abonnez-vous|s['’]abonner|newsletter|suivez-nous|"
                        + "inscrivez-vous|follow us|subscribe|publicit[ée])\\b")));
        // Last: its capitalised words before parentheses also fit "Comment (0)".
        PARAGRAPH_RULES.put(Boilerplate.BYLINE, List.of(
                Pattern.compile("(?u)^\\p{Lu}[\\p{L}'’.-]*(\\s+\\p{Lu}[\\p{L}'’.-]*){0,4}\\s*\\([^()]{1,80}\\)\\.?$"),
                Pattern.compile("(?u)^(?i:par|by)\\s+\\p{Lu}[\\p{L}'’.-]+(\\s+\\p{Lu}[\\p{L}'’.-]+){0,3}(\\s*(,|avec|with|et)\\s*.{0,40})?$"),
                Pattern.compile("(?u)^[(\\[]?(" + AGENCIES.pattern() + ")([\\s,/]+(" + AGENCIES.pattern() + "))*[)\\]]?\\.?$")));
    }

    private static final Pattern URL = Pattern.compile("(?iu)^\\S*(https?://|www\\.)\\S*$");
    private static final Pattern WORD = Pattern.compile("(?u)\\p{L}[\\p{L}\\p{N}'’-]*|\\p{N}+");

    /** One verdict per segment of {@code doc}, in order. */
    public List<Verdict> classify(Document doc) {
        // A paragraph runs from its first segment's start to its last segment's end.
        Map<Integer, int[]> extents = new LinkedHashMap<>();
        for (Segment s : doc.segments()) {
            extents.computeIfAbsent(s.paragraph(), p -> new int[] {s.span().start(), 0})[1] = s.span().end();
        }
        Map<Integer, Boilerplate> paragraphs = new LinkedHashMap<>();
        extents.forEach((p, e) -> paragraphs.put(p, paragraphRule(doc.text().substring(e[0], e[1]))));
        List<Verdict> out = new ArrayList<>(doc.segments().size());
        for (Segment s : doc.segments()) {
            Boilerplate b = paragraphs.get(s.paragraph());
            out.add(new Verdict(s, b != null ? b : sentenceRule(s.text())));
        }
        return out;
    }

    /** The content segments of {@code doc}. */
    public List<Segment> content(Document doc) {
        return classify(doc).stream().filter(Verdict::content).map(Verdict::segment).toList();
    }

    static Boilerplate paragraphRule(String paragraph) {
        String p = paragraph.strip();
        for (Map.Entry<Boilerplate, List<Pattern>> rule : PARAGRAPH_RULES.entrySet()) {
            for (Pattern pattern : rule.getValue()) {
                if (pattern.matcher(p).find()) {
                    return rule.getKey();
                }
            }
        }
        return null;
    }

    static Boilerplate sentenceRule(String sentence) {
        String s = sentence.strip();
        if (URL.matcher(s).matches()) {
            return Boilerplate.URL;
        }
        Boilerplate asParagraph = paragraphRule(s);
        if (asParagraph != null) {
            return asParagraph;
        }
        return words(s) < MIN_WORDS ? Boilerplate.FRAGMENT : null;
    }

    private static int words(String s) {
        int n = 0;
        for (var m = WORD.matcher(s); m.find(); ) {
            n++;
        }
        return n;
    }
}
