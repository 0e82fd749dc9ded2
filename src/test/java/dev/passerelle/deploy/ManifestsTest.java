package dev.passerelle.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.passerelle.Management;
import dev.passerelle.RequiredTool;
import dev.passerelle.config.PasserelleConfig;
import dev.passerelle.service.ModelConfig;
import dev.passerelle.glossary.GlossaryConfig;
import dev.passerelle.glossary.GlossaryStore;
import dev.passerelle.summarize.DigestConfig;
import dev.passerelle.cli.FetchCommandProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests render with {@code kubectl kustomize} and agree with the application:
 * its ports (probes and scraping on the management port, which the Service does not expose), its
 * probe paths, its configuration keys, the fetch command's options, a grace period that covers the
 * shutdown, and a pinned image. Every test
 * renders, so all are skipped where kubectl is not installed.
 */
@QuarkusTest
class ManifestsTest {

    /** The labels every object carries; selectors add {@code app.kubernetes.io/component}. */
    static final Map<String, String> LABELS = Map.of(
            "app.kubernetes.io/name", "passerelle", "app.kubernetes.io/part-of", "passerelle");

    /**
     * The objects {@code kubectl kustomize} renders. Its warnings (kustomize v5 names the overlay's
     * deprecated fields, kept for kustomize v2.0.3) go to a file, not into the YAML.
     */
    static List<JsonNode> render(String dir) throws IOException, InterruptedException {
        RequiredTool.KUBECTL.assume();
        Path errors = Files.createTempFile("passerelle-kustomize", ".err");
        try {
            Process p = new ProcessBuilder("kubectl", "kustomize", dir).redirectError(errors.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), () -> "kubectl kustomize " + dir + ": " + readString(errors) + out);
            return parse(out);
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static List<JsonNode> parse(String out) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<JsonNode> docs = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(out)) {
            yaml.readValues(parser, JsonNode.class).forEachRemaining(docs::add);
        }
        return docs;
    }

    static JsonNode named(List<JsonNode> docs, String kind, String name) {
        return docs.stream().filter(d -> d.path("kind").asText().equals(kind) && d.path("metadata").path("name").asText()
                .equals(name)).findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    static JsonNode kind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> d.path("kind").asText().equals(kind)).findFirst().orElseThrow(() ->
                new AssertionError("no " + kind));
    }

    /** The shipped application.properties, as the packaged application reads it. */
    static Properties shippedProperties() throws IOException {
        Properties props = new Properties();
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            props.load(in);
        }
        return props;
    }

    /** The port the packaged application listens on (tests run on a random one). */
    static int productionPort() throws IOException {
        return Integer.parseInt(shippedProperties().getProperty("quarkus.http.port"));
    }

    /** The port of the packaged application's management interface (health, metrics, OpenAPI). */
    static int managementPort() throws IOException {
        return Integer.parseInt(shippedProperties().getProperty("quarkus.management.port"));
    }

    /** Environment names of every passerelle.* key the application defines. */
    static Set<String> passerelleEnvNames() {
        Set<String> names = new HashSet<>();
        collect(PasserelleConfig.class, "passerelle", names);
        collect(ModelConfig.class, "passerelle.model", names);
        collect(DigestConfig.class, "passerelle.digest", names);
        collect(GlossaryConfig.class, "passerelle.glossary", names);
        return names;
    }

    private static void collect(Class<?> type, String prefix, Set<String> out) {
        for (Method m : type.getMethods()) {
            if (m.isDefault()) {
                continue; // a helper over the settings, not a setting
            }
            String key = prefix + "." + m.getName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
            if (m.getReturnType().isInterface() && m.getReturnType().getName().startsWith("dev.passerelle")) {
                collect(m.getReturnType(), key, out);
            } else {
                out.add(key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
            }
        }
    }

    /** Whether an environment variable names a setting the running application knows. */
    static boolean known(String env) {
        if (env.startsWith("PASSERELLE_")) {
            return passerelleEnvNames().contains(env) || env.equals("PASSERELLE_MODEL_MIRROR");
        }
        for (String property : ConfigProvider.getConfig().getPropertyNames()) {
            if (property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_").equals(env)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theBaseRendersAndAgreesWithTheApplication() throws Exception {
        List<JsonNode> docs = render("deploy/kubernetes");
        for (String k : List.of("Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "ConfigMap")) {
            kind(docs, k);
        }
        JsonNode pod = kind(docs, "Deployment").path("spec").path("template");
        JsonNode app = pod.path("spec").path("containers").get(0);
        Map<String, Integer> ports = new TreeMap<>();
        app.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
        assertEquals(Map.of("http", productionPort(), "management", managementPort()), ports);
        // Prometheus and the probes reach the management interface, where those paths are served.
        assertEquals(String.valueOf(managementPort()), pod.path("metadata").path("annotations").path("prometheus.io/port").asText());
        Management.given().when().get(pod.path("metadata").path("annotations").path("prometheus.io/path").asText())
                .then().statusCode(200);
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertEquals("management", app.path(probe).path("httpGet").path("port").asText(), probe);
            String path = app.path(probe).path("httpGet").path("path").asText();
            Management.given().when().get(path).then().statusCode(200);
        }
        ObjectNode config = (ObjectNode) named(docs, "ConfigMap", "passerelle-config").path("data");
        config.fieldNames().forEachRemaining(env -> assertTrue(known(env), "unknown setting " + env));
        for (JsonNode e : app.path("env")) {
            assertTrue(known(e.path("name").asText()), "unknown setting " + e.path("name").asText());
        }
        assertEquals("passerelle-api-keys", app.path("env").get(0).path("valueFrom").path("secretKeyRef").path("name").asText());
        assertTrue(app.path("securityContext").path("readOnlyRootFilesystem").asBoolean());
        assertTrue(app.path("volumeMounts").findValuesAsText("mountPath").contains("/tmp"), "writable /tmp");
        assertTrue(app.path("resources").path("limits").has("memory"));
        assertTrue(pod.path("spec").path("securityContext").path("runAsNonRoot").asBoolean());
        // The Service exposes the API only: metrics, health and OpenAPI stay inside the cluster's pod network.
        JsonNode servicePorts = kind(docs, "Service").path("spec").path("ports");
        assertEquals(1, servicePorts.size(), servicePorts.toString());
        assertEquals("http", servicePorts.get(0).path("targetPort").asText());
    }

    @Test
    void theGracePeriodCoversPreStopShutdownAndTheBatchDrain() throws Exception {
        JsonNode pod = kind(render("deploy/kubernetes"), "Deployment").path("spec").path("template").path("spec");
        JsonNode app = pod.path("containers").get(0);
        List<String> preStop = StreamSupport.stream(app.path("lifecycle").path("preStop").path("exec").path("command")
                .spliterator(), false).map(JsonNode::asText).toList();
        assertEquals(2, preStop.size(), "preStop is a plain sleep: " + preStop);
        assertEquals("/bin/sleep", preStop.get(0));
        long sleep = Long.parseLong(preStop.get(1));
        assertTrue(sleep >= 5, "endpoints need a few seconds to drop the pod");
        ObjectNode config = (ObjectNode) kind(render("deploy/kubernetes"), "ConfigMap").path("data");
        long shutdown = seconds(config, "QUARKUS_SHUTDOWN_TIMEOUT", shippedProperties().getProperty("quarkus.shutdown.timeout"));
        long drain = seconds(config, "PASSERELLE_BATCH_DEADLINE", withDefault(PasserelleConfig.Batch.class, "deadline"));
        long grace = pod.path("terminationGracePeriodSeconds").asLong();
        long margin = 5;
        assertTrue(grace >= sleep + shutdown + drain + margin, "terminationGracePeriodSeconds " + grace + " < preStop "
                + sleep + " + quarkus.shutdown.timeout " + shutdown + " + passerelle.batch.deadline " + drain + " + " + margin);
    }

    @Test
    void theImageIsAVersionNotLatest() throws Exception {
        for (String dir : List.of("deploy/kubernetes", "deploy/kubernetes-baked")) {
            JsonNode pod = kind(render(dir), "Deployment").path("spec").path("template").path("spec");
            List<JsonNode> containers = new ArrayList<>();
            pod.path("initContainers").forEach(containers::add);
            pod.path("containers").forEach(containers::add);
            for (JsonNode c : containers) {
                String image = c.path("image").asText();
                assertTrue(image.matches("[^:]+:\\d+\\.\\d+\\.\\d+(-[a-z0-9.]+)?"), dir + ": " + image);
            }
        }
    }

    /** A duration setting in seconds: the ConfigMap's value when it sets one, else the application's. */
    private static long seconds(ObjectNode configMap, String env, String fallback) {
        String value = configMap.has(env) ? configMap.get(env).asText() : fallback;
        return io.quarkus.runtime.configuration.DurationConverter.parseDuration(value).toSeconds(); // "30s", as Quarkus reads it
    }

    /** The {@code @WithDefault} of a setting in a config mapping. */
    private static String withDefault(Class<?> mapping, String method) throws NoSuchMethodException {
        return mapping.getMethod(method).getAnnotation(io.smallrye.config.WithDefault.class).value();
    }

    @Test
    void everyObjectIsLabelledAndEverySelectorPicksThePods() throws Exception {
        for (String dir : List.of("deploy/kubernetes", "deploy/kubernetes-baked")) {
            List<JsonNode> docs = render(dir);
            for (JsonNode doc : docs) {
                Map<String, String> labels = map(doc.path("metadata").path("labels"));
                assertTrue(labels.entrySet().containsAll(LABELS.entrySet()),
                        dir + ": " + doc.path("kind").asText() + " labelled " + labels);
            }
            JsonNode deployment = kind(docs, "Deployment").path("spec");
            Map<String, String> pods = map(deployment.path("template").path("metadata").path("labels"));
            Map<String, String> selector = map(deployment.path("selector").path("matchLabels"));
            assertTrue(selector.entrySet().containsAll(LABELS.entrySet()), dir + ": Deployment selector " + selector);
            assertTrue(selector.containsKey("app.kubernetes.io/component"), dir + ": Deployment selector " + selector);
            assertTrue(pods.entrySet().containsAll(selector.entrySet()), dir + ": pods labelled " + pods);
            assertEquals(selector, map(kind(docs, "Service").path("spec").path("selector")), dir + ": Service");
            assertEquals(selector, map(kind(docs, "PodDisruptionBudget").path("spec").path("selector").path("matchLabels")),
                    dir + ": PodDisruptionBudget");
        }
    }

    private static Map<String, String> map(JsonNode object) {
        Map<String, String> out = new TreeMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    @Test
    void theInitContainerRunsAFetchCommandTheApplicationAccepts() throws Exception {
        JsonNode init = kind(render("deploy/kubernetes"), "Deployment")
                .path("spec").path("template").path("spec").path("initContainers").get(0);
        List<String> args = StreamSupport.stream(init.path("args").spliterator(), false).map(JsonNode::asText).toList();
        assertEquals("fetch-model", args.get(0));
        FetchCommandProbe.parse(args.subList(1, args.size()));
        for (JsonNode e : init.path("env")) {
            assertTrue(known(e.path("name").asText()), e.path("name").asText());
        }
    }

    /**
     * The init container fetches what the service loads, into the folder it loads from, whatever
     * the ConfigMap says: as shipped, and switched to the int8 graphs or the split decoder (the
     * Kubernetes README's sizing suggests quantized; with the folder and variant written into the
     * init container's arguments, such pods never became ready).
     */
    @Test
    void theInitContainerFetchesWhatTheConfigMapMakesTheServiceLoad() throws Exception {
        List<JsonNode> docs = render("deploy/kubernetes");
        JsonNode init = kind(docs, "Deployment").path("spec").path("template").path("spec").path("initContainers").get(0);
        String[] args = StreamSupport.stream(init.path("args").spliterator(), false).skip(1).map(JsonNode::asText)
                .toArray(String[]::new);
        Map<String, String> shipped = map(named(docs, "ConfigMap", "passerelle-config").path("data"));
        List<Map<String, String>> settings = List.of(shipped,
                with(shipped, "PASSERELLE_MODEL_VARIANT", "quantized"),
                with(with(shipped, "PASSERELLE_MODEL_VARIANT", "quantized"), "PASSERELLE_MODEL_DECODER", "split"),
                with(shipped, "PASSERELLE_MODEL_DIR", "/models/elsewhere"));
        for (Map<String, String> config : settings) {
            Map<String, String> env = new TreeMap<>();
            for (JsonNode e : init.path("env")) {
                JsonNode ref = e.path("valueFrom").path("configMapKeyRef");
                if (ref.path("name").asText().equals("passerelle-config") && config.containsKey(ref.path("key").asText())) {
                    env.put(e.path("name").asText(), config.get(ref.path("key").asText()));
                }
            }
            var request = FetchCommandProbe.parse(env, args);
            assertEquals(Path.of(config.get("PASSERELLE_MODEL_DIR")), request.dir(), config.toString());
            assertEquals(dev.passerelle.model.fetch.FileSelection.forService(
                            dev.passerelle.model.Variant.valueOf(config.get("PASSERELLE_MODEL_VARIANT").toUpperCase(Locale.ROOT)),
                            dev.passerelle.model.DecoderChoice.valueOf(
                                    config.getOrDefault("PASSERELLE_MODEL_DECODER", "auto").toUpperCase(Locale.ROOT))),
                    request.selection(), config.toString());
        }
    }

    private static Map<String, String> with(Map<String, String> map, String key, String value) {
        Map<String, String> out = new TreeMap<>(map);
        out.put(key, value);
        return out;
    }

    @Test
    void theGlossariesAreMountedReadOnlyWhereTheServiceLooksAndTheyParse() throws Exception {
        for (String dir : List.of("deploy/kubernetes", "deploy/kubernetes-baked")) {
            List<JsonNode> docs = render(dir);
            String folder = named(docs, "ConfigMap", "passerelle-config").path("data").path("PASSERELLE_GLOSSARY_DIR").asText();
            JsonNode spec = kind(docs, "Deployment").path("spec").path("template").path("spec");
            JsonNode mount = StreamSupport.stream(spec.path("containers").get(0).path("volumeMounts").spliterator(), false)
                    .filter(m -> m.path("mountPath").asText().equals(folder)).findFirst().orElseThrow();
            assertTrue(mount.path("readOnly").asBoolean(), dir);
            JsonNode volume = StreamSupport.stream(spec.path("volumes").spliterator(), false)
                    .filter(v -> v.path("name").asText().equals(mount.path("name").asText())).findFirst().orElseThrow();
            assertEquals("passerelle-glossaries", volume.path("configMap").path("name").asText(), dir);
            JsonNode files = named(docs, "ConfigMap", "passerelle-glossaries").path("data");
            Path tmp = Files.createTempDirectory("glossaries");
            files.fields().forEachRemaining(f -> {
                try {
                    Files.writeString(tmp.resolve(f.getKey()), f.getValue().asText());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            GlossaryStore store = new GlossaryStore(java.util.Optional.of(tmp), 5000, java.time.Duration.ZERO);
            assertFalse(store.list().isEmpty(), dir);
            store.list().forEach(l -> assertEquals(null, l.error(), l.name()));
            assertTrue(store.get("newsroom").orElseThrow().entries().size() >= 3);
        }
    }

    @Test
    void theBakedOverlayHasNoFetchAndNoModelVolume() throws Exception {
        JsonNode spec = kind(render("deploy/kubernetes-baked"), "Deployment").path("spec").path("template").path("spec");
        assertTrue(spec.path("initContainers").isMissingNode());
        assertFalse(spec.path("containers").get(0).path("volumeMounts").findValuesAsText("mountPath").contains("/models"));
        assertTrue(spec.path("containers").get(0).path("image").asText().endsWith("-baked"));
    }
}
