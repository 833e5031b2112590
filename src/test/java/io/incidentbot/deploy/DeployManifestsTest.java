package io.incidentbot.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/kubernetes/*.yaml (every document of every file) and compose.yaml, parsed with Jackson's
 * YAML reader: the probes reach the new endpoints on the container's port, the pod runs as the
 * image's user, the Secret template holds no real token, the selectors match, and the replicas
 * share what they must.
 */
class DeployManifestsTest {
    private static final Path KUBERNETES = Path.of("deploy", "kubernetes");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Shapes of real Slack tokens: xoxb-/xoxp-/xoxa-/xapp- followed by digits. */
    private static final Pattern SLACK_TOKEN = Pattern.compile("\\b(xox[abpr]|xapp)-\\d");
    private static final List<String> SECRET_KEYS = List.of("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET",
            "INCIDENT_DB_PASSWORD", "INCIDENT_WEBHOOK_TOKEN", "GITHUB_WEBHOOK_SECRET");
    private static final Map<String, List<JsonNode>> byKind = new HashMap<>();

    @BeforeAll
    static void readManifests() throws IOException {
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (JsonNode doc : YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile()).readAll()) {
                    if (doc != null && doc.hasNonNull("kind")) {
                        byKind.computeIfAbsent(doc.get("kind").asText(), k -> new ArrayList<>()).add(doc);
                    }
                }
            }
        }
    }

    private static JsonNode one(String kind) {
        assertThat(byKind.get(kind)).as("exactly one %s in %s", kind, KUBERNETES).hasSize(1);
        return byKind.get(kind).get(0);
    }

    private static JsonNode container() {
        JsonNode containers = one("Deployment").at("/spec/template/spec/containers");
        assertThat(containers.size()).isEqualTo(1);
        return containers.get(0);
    }

    /** @return the container's environment as name → value (secret references as "secret:key") */
    private static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode e : container.path("env")) {
            JsonNode ref = e.at("/valueFrom/secretKeyRef");
            env.put(e.get("name").asText(), ref.isMissingNode()
                    ? e.path("value").asText() : "secret:" + ref.get("name").asText() + "/" + ref.get("key").asText());
        }
        return env;
    }

    /** Resolves a probe's port (a number or a port name) to the container port number. */
    private static int probePort(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        for (JsonNode p : container.path("ports")) {
            if (p.path("name").asText().equals(port.asText())) {
                return p.get("containerPort").asInt();
            }
        }
        throw new AssertionError("no container port named " + port);
    }

    @Test
    void probesAskReadinessAndLivenessOnTheBotsHttpPort() {
        JsonNode c = container();
        int httpPort = Integer.parseInt(env(c).get("PORT"));
        assertThat(httpPort).isEqualTo(3000);
        assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
        assertThat(probePort(c, c.at("/readinessProbe/httpGet/port"))).isEqualTo(httpPort);
        assertThat(c.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/livez");
        assertThat(probePort(c, c.at("/livenessProbe/httpGet/port"))).isEqualTo(httpPort);
        if (c.has("startupProbe")) {
            assertThat(c.at("/startupProbe/httpGet/path").asText()).isEqualTo("/livez");
        }
        assertThat(probePort(c, c.at("/livenessProbe/httpGet/port"))).isNotEqualTo(Integer.parseInt(env(c).get("METRICS_PORT")));
    }

    @Test
    void podRunsAsTheImagesNonRootUserOnAReadOnlyRootFilesystem() throws IOException {
        long uid = DockerfileTest.runtimeUid(DockerfileInstructions.read(Path.of("Dockerfile")));
        JsonNode pod = one("Deployment").at("/spec/template/spec");
        JsonNode c = container();
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/runAsUser").asLong()).isEqualTo(uid);
        if (c.at("/securityContext/runAsUser").isNumber()) {
            assertThat(c.at("/securityContext/runAsUser").asLong()).isEqualTo(uid);
        }
        assertThat(c.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(c.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
        String tmpVolume = null;
        for (JsonNode m : c.path("volumeMounts")) {
            if (m.get("mountPath").asText().equals("/tmp")) {
                tmpVolume = m.get("name").asText();
            }
        }
        assertThat(tmpVolume).as("/tmp is writable").isNotNull();
        boolean emptyDir = false;
        for (JsonNode v : pod.path("volumes")) {
            emptyDir |= v.get("name").asText().equals(tmpVolume) && v.has("emptyDir");
        }
        assertThat(emptyDir).as("/tmp is an emptyDir").isTrue();
    }

    @Test
    void twoReplicasOnPostgresqlWithTimeToShutDownAndBoundedMemory() {
        JsonNode deployment = one("Deployment");
        assertThat(deployment.at("/spec/replicas").asInt()).isGreaterThanOrEqualTo(2);
        // The bot's graceful shutdown waits up to 10 s for in-flight requests and the outbox.
        assertThat(deployment.at("/spec/template/spec/terminationGracePeriodSeconds").asInt()).isGreaterThanOrEqualTo(30);
        Map<String, String> env = env(container());
        assertThat(env.get("INCIDENT_DB")).startsWith("jdbc:postgresql://");
        assertThat(env.get("INCIDENT_DB_USER")).isNotBlank();
        assertThat(env.get("INCIDENT_DB_PASSWORD")).startsWith("secret:");
        assertThat(env.get("SLACK_BOT_TOKEN")).startsWith("secret:");
        assertThat(env.get("SLACK_SIGNING_SECRET")).startsWith("secret:");
        assertThat(container().at("/resources/limits/memory").asText()).isNotBlank();
    }

    @Test
    void secretTemplateHasEveryKeyTheDeploymentReadsAndNoRealLookingToken() throws IOException {
        JsonNode secret = one("Secret");
        String name = secret.at("/metadata/name").asText();
        JsonNode data = secret.path("stringData");
        assertThat(data.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(SECRET_KEYS);
        for (String ref : env(container()).values()) {
            if (ref.startsWith("secret:")) {
                String[] nameKey = ref.substring("secret:".length()).split("/");
                assertThat(nameKey[0]).isEqualTo(name);
                assertThat(data.has(nameKey[1])).as("Secret template has %s", nameKey[1]).isTrue();
            }
        }
        data.fields().forEachRemaining(e -> assertThat(e.getValue().asText()).as(e.getKey()).startsWith("REPLACE_WITH_"));
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            for (Path f : files.toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContainPattern(SLACK_TOKEN);
            }
        }
        assertThat(Files.readString(Path.of("compose.yaml"))).doesNotContainPattern(SLACK_TOKEN);
    }

    @Test
    void serviceAndDisruptionBudgetSelectTheDeploymentsPods() {
        JsonNode deployment = one("Deployment");
        JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
        JsonNode selector = deployment.at("/spec/selector/matchLabels");
        assertThat(selector.size()).isPositive();
        assertThat(subset(selector, podLabels)).as("Deployment selector matches its pods").isTrue();
        JsonNode pdb = one("PodDisruptionBudget");
        assertThat(pdb.at("/spec/selector/matchLabels")).isEqualTo(selector);
        assertThat(pdb.at("/spec/minAvailable").asInt()).isEqualTo(1);
        JsonNode service = one("Service");
        assertThat(subset(service.at("/spec/selector"), podLabels)).isTrue();
        for (JsonNode port : service.at("/spec/ports")) {
            probePort(container(), port.get("targetPort")); // every target is a real container port
        }
    }

    @Test
    void kustomizationAppliesEveryManifestButTheSecretTemplate() throws IOException {
        JsonNode kustomization = YAML.readTree(KUBERNETES.resolve("kustomization.yaml").toFile());
        List<String> resources = new ArrayList<>();
        kustomization.path("resources").forEach(r -> resources.add(r.asText()));
        for (String r : resources) {
            assertThat(KUBERNETES.resolve(r)).exists();
        }
        assertThat(resources).contains("deployment.yaml", "service.yaml", "pdb.yaml").doesNotContain("secret.example.yaml");
    }

    @Test
    void composeReplicasShareTheDatabaseAndTheSigningSecretOnTheirOwnPorts() throws IOException {
        JsonNode services = YAML.readTree(Path.of("compose.yaml").toFile()).path("services");
        assertThat(services.at("/postgres/image").asText()).startsWith("postgres:15");
        List<JsonNode> bots = new ArrayList<>();
        services.fields().forEachRemaining(s -> {
            if (s.getValue().path("image").asText().startsWith("incident-bot")) {
                bots.add(s.getValue());
            }
        });
        assertThat(bots).hasSizeGreaterThanOrEqualTo(2);
        JsonNode first = bots.get(0).path("environment");
        assertThat(first.path("INCIDENT_DB").asText()).startsWith("jdbc:postgresql://postgres:");
        List<String> hostPorts = new ArrayList<>();
        for (JsonNode bot : bots) {
            JsonNode env = bot.path("environment");
            assertThat(env.path("INCIDENT_DB").asText()).isEqualTo(first.path("INCIDENT_DB").asText());
            assertThat(env.path("INCIDENT_DB_USER").asText()).isEqualTo(first.path("INCIDENT_DB_USER").asText());
            assertThat(env.path("SLACK_SIGNING_SECRET").asText()).isNotBlank().isEqualTo(first.path("SLACK_SIGNING_SECRET").asText());
            assertThat(env.path("SLACK_BOT_TOKEN").asText()).isEqualTo(first.path("SLACK_BOT_TOKEN").asText());
            assertThat(bot.at("/depends_on/postgres/condition").asText()).isEqualTo("service_healthy");
            assertThat(bot.path("stop_grace_period").asText()).isEqualTo("30s");
            bot.path("ports").forEach(p -> hostPorts.add(p.asText().replaceFirst(":\\d+$", "")));
        }
        assertThat(hostPorts).as("each replica on its own host ports").doesNotHaveDuplicates();
    }

    private static boolean subset(JsonNode selector, JsonNode labels) {
        var it = selector.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return selector.size() > 0;
    }
}
