package dev.passerelle.summarize;

import dev.passerelle.clean.BoilerplateFilter;
import dev.passerelle.clean.Verdict;
import dev.passerelle.service.TranslationService;
import dev.passerelle.text.ClauseSplitter;
import dev.passerelle.text.Document;
import dev.passerelle.text.DocumentSplitter;
import dev.passerelle.text.OpenNlpSentenceSplitter;
import dev.passerelle.translate.DecodeOptions;
import dev.passerelle.translate.SentenceTranslation;
import dev.passerelle.translate.TranslationResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds digests: splits the French article into sentences, drops boilerplate, groups quotes,
 * ranks and picks units, then translates only what is needed (the chosen units, or the whole
 * article once when its translation is asked for too, bullets reusing it).
 */
@ApplicationScoped
public class DigestService {

    private final TranslationService translation;
    private final DigestConfig config;
    private final DocumentSplitter sentences = new DocumentSplitter(new OpenNlpSentenceSplitter(), ClauseSplitter.none());
    private final BoilerplateFilter filter = new BoilerplateFilter();
    private final LexicalSimilarity lexical = new LexicalSimilarity();

    DigestService(TranslationService translation, DigestConfig config) {
        this.translation = translation;
        this.config = config;
    }

    /** Ranks the article and chooses {@code bullets} units (the default count when null). */
    public DigestPlan plan(String text, Integer bullets) {
        Document doc = sentences.split(text);
        List<Verdict> verdicts = filter.classify(doc);
        List<Unit> units = QuoteUnits.group(verdicts.stream().filter(Verdict::content).map(Verdict::segment).toList());
        Summarizer summarizer = new Summarizer(similarity(), config.settings());
        int k = bullets != null ? bullets : summarizer.settings().defaultBullets(units.size());
        return new DigestPlan(doc, verdicts, summarizer.summarize(units, k));
    }

    /** Bullets in French ({@code fr}) or English ({@code en}, only the chosen units are translated). */
    public Digest summarize(String text, Integer bullets, String language, DecodeOptions options) {
        DigestPlan plan = plan(text, bullets);
        List<Unit> chosen = plan.summary().chosen();
        List<String> texts = language.equals("fr") || chosen.isEmpty()
                ? chosen.stream().map(Unit::text).toList()
                : translation.translator().translate(chosen.stream().map(Unit::text).toList(), options).stream()
                        .map(TranslationResult::translation).toList();
        return digest(plan, texts, null);
    }

    /** English bullets and the whole translation, each sentence translated once. */
    public Digest digestWithTranslation(String text, Integer bullets, DecodeOptions options) {
        DigestPlan plan = plan(text, bullets);
        TranslationResult full = translation.translator().translate(List.of(text), options).get(0);
        List<String> texts = plan.summary().chosen().stream().map(u -> within(full, u)).toList();
        return digest(plan, texts, full.translation());
    }

    /** The translations of the segments inside a unit's span, joined. */
    private static String within(TranslationResult full, Unit unit) {
        StringBuilder sb = new StringBuilder();
        for (SentenceTranslation s : full.sentences()) {
            if (s.source().start() >= unit.span().start() && s.source().end() <= unit.span().end()
                    && !s.translation().isBlank()) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(s.translation().strip());
            }
        }
        return sb.toString();
    }

    private Digest digest(DigestPlan plan, List<String> texts, String translation) {
        List<Unit> chosen = plan.summary().chosen();
        List<Bullet> bullets = new ArrayList<>(chosen.size());
        for (int i = 0; i < chosen.size(); i++) {
            Unit u = chosen.get(i);
            double score = plan.summary().units().get(u.index()).score();
            bullets.add(new Bullet(texts.get(i), u.text(), u.span(), score));
        }
        return new Digest(bullets, Markdown.list(bullets.stream().map(Bullet::text).toList()), translation);
    }

    private SentenceSimilarity similarity() {
        return switch (config.vectors()) {
            case LEXICAL -> lexical;
            case ENCODER -> new EncoderSimilarity(translation.translator());
            case MIXED -> new MixedSimilarity(lexical, new EncoderSimilarity(translation.translator()),
                    config.encoderWeight());
        };
    }

}
