package dev.passerelle.model;

import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Opens a model's graphs at the same time. Creating a session is mostly one thread reading and
 * packing weights, so the encoder and the decoder open side by side on two cores in about the time
 * of the decoder alone. Either every graph opens, or none stays open.
 */
public final class GraphLoader {

    private final OnnxOptions options;
    private final List<Supplier<OnnxGraph>> tasks = new ArrayList<>();

    /** A loader whose graphs all open with {@code options}. */
    public GraphLoader(OnnxOptions options) {
        this.options = options;
    }

    /** Adds a graph file; its index in {@link #openAll()} is the order of the calls. */
    public int add(Path file) {
        tasks.add(() -> OnnxGraph.load(file, options));
        return tasks.size() - 1;
    }

    /** Adds a small graph shipped as a resource of {@code owner}. */
    public int addResource(Class<?> owner, String resource) {
        tasks.add(() -> OnnxGraph.loadResource(owner, resource, options));
        return tasks.size() - 1;
    }

    /** Opens every graph added, in parallel; on any failure closes the others and rethrows the first. */
    public List<OnnxGraph> openAll() {
        // The engine and its global thread pool start once, here, before threads race to create them;
        // the pool's size is read from system properties when the engine starts, so they are set first.
        OrtNatives.useCache();
        options.sizePool();
        Engine.getEngine("OnnxRuntime");
        int threads = Math.max(1, Math.min(tasks.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "passerelle-open-graph");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<OnnxGraph>> futures = new ArrayList<>();
            tasks.forEach(task -> futures.add(pool.submit(task::get)));
            List<OnnxGraph> opened = new ArrayList<>();
            RuntimeException failure = null;
            boolean interrupted = false;
            for (Future<OnnxGraph> f : futures) {
                // Every task is waited for, even when interrupted, so no session opened late is left unclosed.
                while (true) {
                    try {
                        opened.add(f.get());
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    } catch (ExecutionException e) {
                        if (failure == null) {
                            failure = e.getCause() instanceof RuntimeException r ? r
                                    : new ModelLoadException("cannot open a graph: " + e.getCause(), e.getCause());
                        }
                        break;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
                if (failure == null) {
                    failure = new ModelLoadException("interrupted while opening the graphs");
                }
            }
            if (failure != null) {
                opened.forEach(OnnxGraph::close);
                throw failure;
            }
            return opened;
        } finally {
            pool.shutdown();
        }
    }
}
