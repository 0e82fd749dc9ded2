package dev.passerelle.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.Fixture;
import dev.passerelle.batch.BatchListener;
import dev.passerelle.batch.BatchScheduler;
import dev.passerelle.batch.BatchSettings;
import dev.passerelle.config.PasserelleConfig;
import dev.passerelle.model.ModelFiles;
import dev.passerelle.model.ModelLoadException;
import dev.passerelle.translate.DecodeOptions;
import dev.passerelle.translate.Translator;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Loading at startup: in the background by default, so the service opens its ports meanwhile. */
class ModelLifecycleTest {

    /** A factory that waits for the test's word, then builds what {@code outcome} gives (or throws what it throws). */
    private static final class HeldFactory extends PipelineFactory {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final Supplier<LoadedModel> outcome;
        volatile LoadedModel built;

        HeldFactory(Supplier<LoadedModel> outcome) {
            super(null, null, null);
            this.outcome = outcome;
        }

        /** Fails, once released, as a broken model would. */
        static HeldFactory failing() {
            return new HeldFactory(() -> {
                throw new ModelLoadException("the test model stops here");
            });
        }

        /** Returns, once released, the fixture model loaded for real. */
        static HeldFactory fixture() {
            return new HeldFactory(() -> {
                Translator translator = Fixture.translator();
                BatchScheduler scheduler = new BatchScheduler(translator.engine(),
                        new BatchSettings(Duration.ofMillis(5), 100, Duration.ofSeconds(10), 1), BatchListener.NONE);
                return new LoadedModel(translator, scheduler, new DecodeOptions(1, true, 1.5, 10), "fixture", Optional.empty());
            });
        }

        @Override
        public LoadedModel build(ModelFiles files) {
            started.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            built = outcome.get();
            return built;
        }
    }

    private static SmallRyeConfig config(boolean background) throws IOException {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(ModelLifecycleTest.class.getResource("/application.properties")))
                .withSources(new PropertiesConfigSource(Map.of(
                        "passerelle.model.dir", Fixture.MODEL_DIR.toAbsolutePath().toString(),
                        "passerelle.model.load-in-background", String.valueOf(background)), "test", 500))
                .withProfile("prod")
                .withConverter(Duration.class, 200, new DurationConverter()) // "60s" as Quarkus reads it
                .withMapping(ModelConfig.class)
                .withMapping(PasserelleConfig.class)
                .build();
    }

    private static ModelLifecycle lifecycle(SmallRyeConfig c, PipelineFactory factory) {
        return new ModelLifecycle(c.getConfigMapping(ModelConfig.class), c.getConfigMapping(PasserelleConfig.class),
                factory);
    }

    @Test
    void startupReturnsWhileTheModelLoadsInTheBackground() throws Exception {
        HeldFactory factory = HeldFactory.failing();
        ModelLifecycle models = lifecycle(config(true), factory);
        models.onStart(null);
        // onStart has returned while the build is still held: the ports open meanwhile.
        assertTrue(factory.started.await(10, TimeUnit.SECONDS));
        assertEquals(ModelState.LOADING, models.status().state());
        factory.release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> models.status().state() == ModelState.FAILED);
        assertTrue(models.status().message().contains("the test model stops here"), models.status().message());
    }

    @Test
    void withoutBackgroundLoadingStartupWaitsForTheModel() throws Exception {
        HeldFactory factory = HeldFactory.failing();
        factory.release.countDown();
        ModelLifecycle models = lifecycle(config(false), factory);
        models.onStart(null);
        assertEquals(ModelState.FAILED, models.status().state());
    }

    @Test
    void backgroundLoadingIsTheDefault() throws IOException {
        SmallRyeConfig c = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(ModelLifecycleTest.class.getResource("/application.properties")))
                .withProfile("prod").withMapping(ModelConfig.class).build();
        assertTrue(c.getConfigMapping(ModelConfig.class).loadInBackground());
    }

    /** ONNX Runtime's library failing to load throws an Error: the status must say so, not stay "loading". */
    @Test
    void anErrorWhileLoadingInTheBackgroundIsAFailureThatSaysWhy() throws Exception {
        PipelineFactory broken = new PipelineFactory(null, null, null) {
            @Override
            public LoadedModel build(ModelFiles files) {
                throw new ExceptionInInitializerError(new RuntimeException("Failed to load onnx-runtime library",
                        new IOException("Native library 'onnxruntime' not found at /cache/libonnxruntime.so")));
            }
        };
        ModelLifecycle models = lifecycle(config(true), broken);
        models.onStart(null);
        await().atMost(Duration.ofSeconds(10)).until(() -> models.status().state() == ModelState.FAILED);
        assertTrue(models.status().message().contains("not found at /cache/libonnxruntime.so"), models.status().message());
        assertThrows(ModelNotReadyException.class, models::current);
    }

    /** SIGTERM while the graphs open: readiness stays DOWN ("stopping"), and the model is closed, never served. */
    @Test
    void aStopDuringTheBackgroundLoadClosesTheModelWithoutServingIt() throws Exception {
        HeldFactory factory = HeldFactory.fixture();
        ModelLifecycle models = lifecycle(config(true), factory);
        models.onStart(null);
        assertTrue(factory.started.await(10, TimeUnit.SECONDS));
        Thread stopper = new Thread(models::stop, "test-sigterm");
        stopper.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> models.status().state() == ModelState.STOPPING);
        factory.release.countDown();
        stopper.join(30_000);
        assertTrue(!stopper.isAlive(), "stop() returns once the load has ended");
        assertEquals(ModelState.STOPPING, models.status().state(), models.status().message());
        assertThrows(ModelNotReadyException.class, models::current);
        assertThrows(RuntimeException.class, () -> factory.built.scheduler().admit(1), "the loaded model is closed");
    }

    @Test
    void aFailureWithoutAMessageIsDescribedByItsCauses() {
        assertEquals("ExceptionInInitializerError: Failed to load: not found at /x", ModelLifecycle.describe(
                new ExceptionInInitializerError(new RuntimeException("Failed to load", new IOException("not found at /x")))));
        assertEquals("NullPointerException", ModelLifecycle.describe(new NullPointerException()));
    }
}
