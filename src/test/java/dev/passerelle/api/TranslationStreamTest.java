package dev.passerelle.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.Fixture;
import dev.passerelle.batch.OverloadedException;
import dev.passerelle.model.DecoderChoice;
import dev.passerelle.model.ModelFiles;
import dev.passerelle.model.OnnxOptions;
import dev.passerelle.model.Variant;
import dev.passerelle.text.Document;
import dev.passerelle.translate.BatchLimits;
import dev.passerelle.translate.Caller;
import dev.passerelle.translate.DecodeOptions;
import dev.passerelle.translate.Generator;
import dev.passerelle.translate.MarianEngine;
import dev.passerelle.translate.Translator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A stream after its first event, on the test model with a generator that fails on its second
 * chunk: the failure ends the stream as an {@code error} event carrying the problem document, and a
 * client that left gets neither more sentences nor an error.
 */
class TranslationStreamTest {

    private static final DecodeOptions GREEDY = new DecodeOptions(1, true, 2.0, 10);
    private static final Function<Throwable, Problem> PROBLEMS = e -> (Problem) ProblemMappers.known(e).getEntity();

    private record Event(String name, Object data) {
    }

    /** Runs the sample article through a translator whose generator calls go to {@code generator}. */
    private static List<Event> stream(Generator generator, MarianEngine engine, Caller caller) {
        List<Event> events = Collections.synchronizedList(new ArrayList<>());
        try (Translator t = Translator.over(engine, 200, generator)) {
            Document doc = t.segment(Fixture.sampleText());
            TranslationStream.run(t, doc, GREEDY, 6, caller, dev.passerelle.glossary.Glossary.EMPTY, "fixture",
                    (name, data) -> events.add(new Event(name, data)), PROBLEMS);
        }
        return events;
    }

    private static MarianEngine engine() {
        return MarianEngine.load(ModelFiles.locate(Fixture.MODEL_DIR, Variant.FP32, DecoderChoice.MERGED),
                OnnxOptions.DEFAULT, BatchLimits.DEFAULT);
    }

    @Test
    void aFailureMidwayEndsTheStreamWithAProblemEvent() {
        MarianEngine engine = engine();
        AtomicInteger calls = new AtomicInteger();
        Generator failsSecond = (sources, options, caller) -> {
            if (calls.incrementAndGet() == 2) {
                throw new OverloadedException("the translation queue is full (8 sentences waiting); try again shortly", 3);
            }
            return engine.generate(sources, options, caller);
        };
        List<Event> events = stream(failsSecond, engine, Caller.UNBOUNDED);
        assertEquals(7, events.size(), events.toString());
        assertTrue(events.subList(0, 6).stream().allMatch(e -> e.name().equals("sentence")));
        Event last = events.get(6);
        assertEquals("error", last.name());
        Problem p = (Problem) last.data();
        assertEquals(503, p.status());
        assertEquals("Service Overloaded", p.title());
        assertTrue(p.detail().contains("queue is full"), p.detail());
    }

    @Test
    void aClientThatLeavesStopsTheStreamWithoutAnError() {
        MarianEngine engine = engine();
        AtomicInteger calls = new AtomicInteger();
        List<Event> seen = new ArrayList<>();
        // Gone once its first chunk has been handed over: the engine must not run the second.
        Caller leaves = new Caller(Caller.UNBOUNDED.deadlineNanos(), () -> calls.get() >= 1, "");
        Generator counting = (sources, options, caller) -> {
            List<dev.passerelle.translate.Hypothesis> out = engine.generate(sources, options, caller);
            calls.incrementAndGet();
            return out;
        };
        seen.addAll(stream(counting, engine, leaves));
        assertEquals(6, seen.size(), seen.toString());
        assertTrue(seen.stream().allMatch(e -> e.name().equals("sentence")), "no done, no error");
        assertEquals(1, calls.get(), "the second chunk never finished");
    }
}
