package dev.passerelle.summarize;

import dev.passerelle.glossary.TermUse;
import dev.passerelle.text.Document;
import dev.passerelle.text.Segment;
import dev.passerelle.translate.DecodeOptions;
import dev.passerelle.translate.SentenceTranslation;
import dev.passerelle.config.PasserelleConfig;
import dev.passerelle.model.OnnxOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Builds digests: segments the French article once, plans the bullets on those segments
 * ({@link DigestPlanner}, with the trained ranking or LexRank as {@code passerelle.digest.ranking} says), then translates only what is needed (the chosen units' segments, or
 * every segment once when the whole translation is asked for too, bullets reusing it).
 */
@ApplicationScoped
public class DigestService {

    private static final Logger LOG = Logger.getLogger(DigestService.class);

    private final DigestConfig config;
    private final DigestPlanner planner;
    private final LexicalSimilarity lexical = new LexicalSimilarity();
    /** The trained ranking, or null when LexRank was configured or the trained file could not load. */
    private final TrainedSummarizer trained;

    @Inject
    DigestService(DigestConfig config, PasserelleConfig passerelle) {
        this(config, new OnnxOptions(passerelle.onnx().intraOpThreads(), passerelle.onnx().interOpThreads(),
                passerelle.onnx().optimizationLevel().name()));
    }

    DigestService(DigestConfig config, OnnxOptions onnx) {
        this.config = config;
        this.planner = new DigestPlanner(config.settings());
        this.trained = config.ranking() == Ranking.TRAINED ? loadTrained(config, onnx) : null;
    }

    /**
     * The trained ranking with the model's ONNX settings (the runtime's thread pool is sized by
     * the first graph loaded). A file that cannot load is a broken build, not a reason to refuse
     * digests: LexRank serves instead, and the log says so.
     */
    private static TrainedSummarizer loadTrained(DigestConfig config, OnnxOptions onnx) {
        try {
            return TrainedSummarizer.load(onnx, config.abstractWords(), config.keepsLead());
        } catch (RuntimeException e) {
            LOG.errorf("the trained digest ranking cannot load (%s); digests use LexRank", e.getMessage());
            return null;
        }
    }

    @PreDestroy
    void close() {
        if (trained != null) {
            trained.close();
        }
    }

    /**
     * Bullets in French, or in English with only the chosen units translated.
     *
     * @param translation one model for the whole request (or none, for French bullets)
     */
    public Digest summarize(SegmentTranslator translation, String text, String title, Integer bullets,
                            Language language, DecodeOptions options) {
        DigestPlan plan = planner.plan(translation.segment(text), title, bullets, ranker(translation));
        List<Unit> chosen = plan.summary().chosen();
        if (language == Language.FR || chosen.isEmpty()) {
            return digest(plan, chosen.stream().map(Unit::text).toList(), null, List.of());
        }
        List<Segment> segments = chosen.stream().flatMap(u -> u.segments().stream()).toList();
        List<SentenceTranslation> translated = translation.translate(segments, options);
        List<String> texts = new ArrayList<>(chosen.size());
        int next = 0;
        for (Unit u : chosen) {
            texts.add(join(translated.subList(next, next + u.segments().size())));
            next += u.segments().size();
        }
        return digest(plan, texts, null, terms(translated));
    }

    /** English bullets and the whole translation, each segment translated once, by one model. */
    public Digest digestWithTranslation(SegmentTranslator translation, String text, String title, Integer bullets,
                                        DecodeOptions options) {
        Document doc = translation.segment(text);
        DigestPlan plan = planner.plan(doc, title, bullets, ranker(translation));
        // Segments are numbered by their place in the document, so a unit finds its translations by index.
        List<SentenceTranslation> all = translation.translate(doc.segments(), options);
        List<String> texts = plan.summary().chosen().stream()
                .map(u -> join(u.segments().stream().map(s -> all.get(s.index())).toList())).toList();
        return digest(plan, texts, doc.assemble(all.stream().map(SentenceTranslation::translation).toList()), terms(all));
    }

    private static String join(List<SentenceTranslation> sentences) {
        return sentences.stream().map(s -> s.translation().strip()).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(" "));
    }

    /** The glossary terms of the translated sentences, in their order. */
    private static List<TermUse> terms(List<SentenceTranslation> sentences) {
        return sentences.stream().flatMap(s -> s.terms().stream()).toList();
    }

    private Digest digest(DigestPlan plan, List<String> texts, String translation, List<TermUse> terms) {
        List<Unit> chosen = plan.summary().chosen();
        List<Bullet> bullets = new ArrayList<>(chosen.size());
        for (int i = 0; i < chosen.size(); i++) {
            Unit u = chosen.get(i);
            double score = plan.summary().units().get(u.index()).score();
            bullets.add(new Bullet(texts.get(i), u.text(), u.span(), score));
        }
        return new Digest(bullets, Markdown.list(bullets.stream().map(Bullet::text).toList()), translation, terms);
    }

    private UnitRanker ranker(SegmentTranslator translation) {
        return trained != null ? trained : new Summarizer(similarity(translation), config.settings());
    }

    private SentenceSimilarity similarity(SegmentTranslator translation) {
        return switch (config.vectors()) {
            case LEXICAL -> lexical;
            case ENCODER -> new EncoderSimilarity(translation::embed);
            case MIXED -> new MixedSimilarity(lexical, new EncoderSimilarity(translation::embed), config.encoderWeight());
        };
    }
}
