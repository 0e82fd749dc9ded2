package dev.passerelle.service;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/** On SIGTERM or SIGINT, stops the model in order (drain, join workers, close the engine) before any shutdown hook runs. */
// Why not just the ShutdownEvent: ONNX Runtime's jar registers its own JVM shutdown hook
// (OrtEnvironment$OrtEnvCloser, which calls OrtReleaseEnv), and the JVM runs shutdown hooks in
// parallel. So on a plain SIGTERM, ORT freed its environment while Quarkus's hook was still waiting
// for HTTP requests, before ModelLifecycle's ordered stop: a batch still inside OrtSession.run then
// crashed the JVM (SIGSEGV in libonnxruntime.so, exit 134, hs_err file). ORT's hook cannot be turned
// off (upstream: microsoft/onnxruntime#31352, "OrtEnvironment shutdown hook can free OrtEnv"), so the stop happens
// here, in the signal handler, which runs before System.exit starts the hooks. The handler then
// exits as the JDK's would have (SIGTERM with 0 rather than 143: see exitCode), and Quarkus's own
// graceful shutdown (quarkus.shutdown.timeout) lets the request threads write their answers while
// the hooks run, with nothing native left for ORT's hook to race.
@Singleton
public class DrainOnSignal {

    private static final Logger LOG = Logger.getLogger(DrainOnSignal.class);
    private static final String[] SIGNALS = {"TERM", "INT"};

    private final ModelLifecycle model;
    private final Map<String, SignalHandler> previous = new HashMap<>();
    private boolean installed;
    private boolean stopped;

    DrainOnSignal(ModelLifecycle model) {
        this.model = model;
    }

    void onStart(@Observes StartupEvent event) {
        // Only the packaged application (jar, container): tests and dev mode keep the JVM's handlers.
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            install();
        }
    }

    /** Installs the handler for SIGTERM and SIGINT, once; the handlers it replaces are kept (an ignored signal stays ignored). */
    synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        for (String name : SIGNALS) {
            try {
                previous.put(name, Signal.handle(new Signal(name), this::handle));
            } catch (IllegalArgumentException e) {
                // -Xrs, or a platform without this signal: the ShutdownEvent still stops the model.
                LOG.warnf("cannot handle SIG%s (%s); shutdown relies on the shutdown hooks alone", name, e.getMessage());
            }
        }
    }

    private void handle(Signal signal) {
        stopModel(signal);
        if (previous.get(signal.getName()) == SignalHandler.SIG_IGN) {
            return;
        }
        Runtime.getRuntime().exit(exitCode(signal.getName(), signal.getNumber()));
    }

    /**
     * SIGTERM is how Kubernetes and container runtimes stop a service: once drained it is an orderly
     * stop and exits 0 (a pod "Completed", not "Error"); SIGINT keeps the shell's 128 + signal.
     */
    static int exitCode(String signal, int number) {
        return "TERM".equals(signal) ? 0 : 128 + number;
    }

    /** Stops the model once; a second signal during the drain waits for it rather than exiting under a batch. */
    private synchronized void stopModel(Signal signal) {
        if (stopped) {
            return;
        }
        stopped = true;
        long start = System.nanoTime();
        LOG.infof("SIG%s: draining the translation queue and closing the model before exiting", signal.getName());
        try {
            model.stop();
        } catch (RuntimeException e) {
            LOG.error("stopping the model failed; exiting anyway", e);
        }
        LOG.infof("model stopped in %d ms; handing over to the graceful shutdown",
                (System.nanoTime() - start) / 1_000_000);
    }
}
