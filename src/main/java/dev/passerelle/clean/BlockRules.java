package dev.passerelle.clean;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shapes of page furniture that are certain enough to decide a block on their own (credits,
 * "publié le …" stamps, "À lire aussi", reading times, subscriber and newsletter prompts, tag
 * lists, script code), and the agency dateline prefix ("PARIS (AFP) - ") that is furniture in
 * front of a content sentence. French and English. The {@link BlockClassifier} weighs everything else.
 */
final class BlockRules {

    static final String AGENCIES = "AFP|Reuters|AP|TASS|Xinhua|Belga|ANSA|DPA|EFE|Kazinform|Sputnik|RIA Novosti|"
            + "Interfax|Anadolu|Kyodo|Yonhap|Relaxnews|ATS";
    /** Furniture shapes only hold on blocks this short: a long paragraph that mentions "publié le" is content. */
    static final int MAX_RULE_CHARS = 220;

    private static final Map<Boilerplate, List<Pattern>> RULES = new LinkedHashMap<>();

    private static void rule(Boilerplate kind, String... patterns) {
        RULES.put(kind, java.util.Arrays.stream(patterns).map(Pattern::compile).toList());
    }

    static {
        rule(Boilerplate.SCRIPT,
                "(window|document)\\.[\\w$]+\\s*[=(.]", "\\bnew\\s+[A-Z]\\w*\\s*\\(", "\\bfunction\\s*\\(",
                "\\$\\(\\s*(document|window|['\"])", "^\\s*(var|let|const)\\s+[\\w$]+\\s*=");
        rule(Boilerplate.DATELINE,
                // A stamp opens the block or follows a comma or dash, and no sentence ends after it.
                "(?iu)(^|[,|–—-]\\s*)(publi[ée]e?|mis[e]? [àa] jour|modifi[ée]e?|actualis[ée]e?|updated|published|posted)"
                        + "\\s+(le|[àa]|il y a|depuis|hier|aujourd'hui|on|at)\\b"
                        + "([^.!?]|\\.(?=\\s*(mis|modifi|actualis|updated)))*$",
                "(?iu)^(temps de )?lecture\\s*:?\\s*\\d+\\s*(min|minutes?)\\b",
                "(?iu)^(reading time|read time)\\s*:?\\s*\\d+",
                "(?iu)^\\d+\\s*min(utes?)?\\s+(de lecture|read)\\b",
                "(?iu)^(le\\s+)?((lun|mar|mercre|jeu|vendre|same)di|dimanche)?\\s*\\d{1,2}(er)?\\s+"
                        + "(janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|"
                        + "d[ée]cembre)\\s+\\d{4}(\\s*(à|,|-)\\s*\\d{1,2}\\s*[h:]\\s*\\d{0,2})?\\s*$",
                "^\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}(\\s*(à|-|,)?\\s*\\d{1,2}[h:]\\d{2})?$");
        rule(Boilerplate.PHOTO_CREDIT,
                "©",
                "(?iu)(^|[.!?»\\s])(photos?|cr[ée]dits? photos?|illustration|image|vid[ée]o)\\s*:\\s*\\S[^!?]{0,80}$",
                "(?iu)^(photos?|cr[ée]dits?( photos?)?|illustration)\\s*:",
                "(?iu)\\((photo|cr[ée]dit|illustration|archives?|image d'illustration|capture d'[ée]cran)[^()]{0,60}\\)\\s*$");
        rule(Boilerplate.SOURCE,
                "(?iu)^(sources?|lire aussi|[àa] lire (aussi|[ée]galement)|lire [ée]galement|voir aussi|"
                        + "sur le m[êe]me sujet|lien|read more|read also|related)\\b\\s*(:|>|»|$)");
        rule(Boilerplate.COMMENTS,
                "(?iu)^(comments?|commentaires?|r[ée]agir|r[ée]actions?)\\s*(\\(\\s*\\d+\\s*\\))?\\s*$",
                "(?iu)^\\d+\\s+(comments?|commentaires?|r[ée]actions?)$");
        rule(Boilerplate.SHARE,
                "(?iu)^(partager|partagez|share|abonnez-vous|s['’]abonner|newsletter|suivez-nous|"
                        + "inscrivez-vous|follow us|subscribe|publicit[ée]|t[ée]l[ée]chargez)\\b",
                "(?iu)\\b(r[ée]serv[ée]e? aux abonn[ée]s|pour les abonn[ée]s|subscribers? only|"
                        + "il vous reste \\d+\\s*%|recevez (gratuitement )?(notre|la) newsletter|"
                        + "t[ée]l[ée]chargez (notre|l')\\s*app|application mobile|d[ée]j[àa] abonn[ée])");
        rule(Boilerplate.TAGS,
                "(?iu)^(tags?|mots[- ]cl[ée]s|th[èe]mes?|sujets?|topics?|cat[ée]gories?)\\s*:");
        // Last: its capitalised words before parentheses also fit "Comment (0)".
        rule(Boilerplate.BYLINE,
                "(?u)^\\p{Lu}[\\p{L}'’.-]*(\\s+\\p{Lu}[\\p{L}'’.-]*){0,4}\\s*\\([^()]{1,80}\\)\\.?$",
                "(?u)^(?i:par|by)\\s+\\p{Lu}[\\p{L}'’.-]+(\\s+\\p{Lu}[\\p{L}'’.-]+){0,3}(\\s*(,|avec|with|et)\\s*.{0,40})?$",
                "(?u)^[(\\[]?(" + AGENCIES + ")([\\s,/-]+(" + AGENCIES + "|Services))*[)\\]]?\\.?$",
                "(?u)^\\p{Lu}\\p{L}+(\\s+\\p{Lu}[\\p{L}-]+){1,3},?\\s+(est|is)\\s+(un |une |a |an )?"
                        + "(journaliste|r[ée]dact(eur|rice)|correspondant|reporter|journalist|editor|chroniqueu)");
    }

    /** "PARIS (AFP) - ", "Washington, 3 mai (Reuters) – ", "(AFP) -": furniture before the sentence. */
    private static final Pattern AGENCY_DATELINE = Pattern.compile(
            "^(\\p{Lu}[\\p{L}'’ .-]{1,40}(,[^()]{1,30})?\\s*)?\\((" + AGENCIES + ")\\)\\s*[-–—:]\\s*(?=\\S)");
    private static final Pattern URL = Pattern.compile("(?iu)^\\S*(https?://|www\\.)\\S*$");

    private BlockRules() {
    }

    /** The kind of furniture {@code text} certainly is, or null when its shape says nothing. */
    static Boilerplate match(String text) {
        String t = text.strip();
        if (URL.matcher(t).matches()) {
            return Boilerplate.URL;
        }
        if (t.length() > MAX_RULE_CHARS) {
            // Long paragraphs: only what no sentence of an article looks like.
            return RULES.get(Boilerplate.SCRIPT).stream().anyMatch(p -> p.matcher(t).find()) && !looksLikeProse(t)
                    ? Boilerplate.SCRIPT : null;
        }
        for (Map.Entry<Boilerplate, List<Pattern>> rule : RULES.entrySet()) {
            for (Pattern pattern : rule.getValue()) {
                if (pattern.matcher(t).find()) {
                    return rule.getKey();
                }
            }
        }
        return null;
    }

    /** {@code text} without an agency dateline prefix ("PARIS (AFP) - "), or as it is. */
    static String stripDateline(String text) {
        Matcher m = AGENCY_DATELINE.matcher(text);
        return m.find() && m.end() < text.length() ? text.substring(m.end()) : text;
    }

    /** Code has braces and semicolons; prose has few of them for its length. */
    private static boolean looksLikeProse(String t) {
        long code = t.chars().filter(c -> c == '{' || c == '}' || c == ';' || c == '=').count();
        return code * 40 < t.length();
    }
}
