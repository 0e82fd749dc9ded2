package dev.passerelle.model;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * One ONNX graph loaded through DJL's OnnxRuntime engine. The underlying ONNX Runtime session is
 * thread-safe, so one instance serves every request; inputs must be named ({@code NDArray.setName}).
 */
public final class OnnxGraph implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OnnxGraph.class);

    private final Path file;
    private final Model model;
    private final Block block;
    private final Set<String> inputNames;

    private OnnxGraph(Path file, Model model) {
        this.file = file;
        this.model = model;
        this.block = model.getBlock();
        this.inputNames = Set.copyOf(block.describeInput().keys());
    }

    /** Loads {@code file}; a broken graph becomes a {@link ModelLoadException} naming it. */
    public static OnnxGraph load(Path file, OnnxOptions options) {
        String name = file.getFileName().toString().replaceFirst("\\.onnx$", "");
        Model model = Model.newInstance(name, "OnnxRuntime");
        long start = System.nanoTime();
        try {
            model.load(file.getParent(), name, options.djlOptions());
            LOG.debugf("opened %s in %d ms", file.getFileName(), (System.nanoTime() - start) / 1_000_000);
            return new OnnxGraph(file, model);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new ModelLoadException("cannot load ONNX graph " + file + ": " + rootMessage(e), e);
        }
    }

    /** Loads a graph shipped as a resource (small helper graphs of the engine). */
    public static OnnxGraph loadResource(Class<?> owner, String resource, OnnxOptions options) {
        String name = resource.replaceFirst("\\.onnx$", "");
        Model model = Model.newInstance(name, "OnnxRuntime");
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ModelLoadException("resource " + resource + " is missing from the application");
            }
            model.load(in, options.djlOptions());
            return new OnnxGraph(Path.of(resource), model);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new ModelLoadException("cannot load " + resource + ": " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Input names as the session reports them. */
    public Set<String> inputNames() {
        return inputNames;
    }

    /** Fails with a message naming the graph when an expected input is absent. */
    public void requireInputs(List<String> names) {
        for (String n : names) {
            if (!inputNames.contains(n)) {
                throw new ModelLoadException(file + " has no input \"" + n + "\" (it has " + inputNames + ")");
            }
        }
    }

    /**
     * Runs the graph. Outputs come back named and attached to the manager of the first input, so
     * closing that manager frees them.
     */
    public NDList run(NDList namedInputs) {
        return block.forward(null, namedInputs, false);
    }

    /** A manager for tensors fed to this graph. */
    public NDManager newManager() {
        return model.getNDManager().newSubManager();
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        model.close();
    }
}
