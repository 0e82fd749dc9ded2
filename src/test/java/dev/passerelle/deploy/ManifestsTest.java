package dev.passerelle.deploy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.passerelle.RequiredTool;
import dev.passerelle.config.PasserelleConfig;
import dev.passerelle.service.ModelConfig;
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
 * its port, its probe paths, its configuration keys and the fetch command's options. Every test
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

    static JsonNode kind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> d.path("kind").asText().equals(kind)).findFirst().orElseThrow(() ->
                new AssertionError("no " + kind));
    }

    /** The port the packaged application listens on (tests run on a random one). */
    static int productionPort() throws IOException {
        Properties props = new Properties();
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            props.load(in);
        }
        return Integer.parseInt(props.getProperty("quarkus.http.port"));
    }

    /** Environment names of every passerelle.* key the application defines. */
    static Set<String> passerelleEnvNames() {
        Set<String> names = new HashSet<>();
        collect(PasserelleConfig.class, "passerelle", names);
        collect(ModelConfig.class, "passerelle.model", names);
        collect(DigestConfig.class, "passerelle.digest", names);
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
        int port = productionPort();
        assertEquals(port, app.path("ports").get(0).path("containerPort").asInt());
        assertEquals(String.valueOf(port), pod.path("metadata").path("annotations").path("prometheus.io/port").asText());
        given().when().get(pod.path("metadata").path("annotations").path("prometheus.io/path").asText())
                .then().statusCode(200);
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            String path = app.path(probe).path("httpGet").path("path").asText();
            given().when().get(path).then().statusCode(200);
        }
        ObjectNode config = (ObjectNode) kind(docs, "ConfigMap").path("data");
        config.fieldNames().forEachRemaining(env -> assertTrue(known(env), "unknown setting " + env));
        for (JsonNode e : app.path("env")) {
            assertTrue(known(e.path("name").asText()), "unknown setting " + e.path("name").asText());
        }
        assertEquals("passerelle-api-keys", app.path("env").get(0).path("valueFrom").path("secretKeyRef").path("name").asText());
        assertTrue(app.path("securityContext").path("readOnlyRootFilesystem").asBoolean());
        assertTrue(app.path("volumeMounts").findValuesAsText("mountPath").contains("/tmp"), "writable /tmp");
        assertTrue(app.path("resources").path("limits").has("memory"));
        assertTrue(pod.path("spec").path("securityContext").path("runAsNonRoot").asBoolean());
        JsonNode service = kind(docs, "Service").path("spec").path("ports").get(0);
        assertEquals("http", service.path("targetPort").asText());
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

    @Test
    void theBakedOverlayHasNoFetchAndNoModelVolume() throws Exception {
        JsonNode spec = kind(render("deploy/kubernetes-baked"), "Deployment").path("spec").path("template").path("spec");
        assertTrue(spec.path("initContainers").isMissingNode());
        assertFalse(spec.path("containers").get(0).path("volumeMounts").findValuesAsText("mountPath").contains("/models"));
        assertTrue(spec.path("containers").get(0).path("image").asText().endsWith(":baked"));
    }
}
