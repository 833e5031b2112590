package io.incidentbot.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes overlays {@code deploy/kubernetes/sqlite} and {@code deploy/kubernetes/postgres}, rendered
 * with {@code kubectl kustomize} (skipped with the reason when kubectl is not on PATH), and {@code compose.yaml}
 * with {@code .env.example}, parsed with Jackson's YAML reader: one replica on a PersistentVolumeClaim for
 * SQLite, replicas with a PodDisruptionBudget for PostgreSQL, probes on the HTTP port, the image's user, a
 * ServiceMonitor and a NetworkPolicy on the metrics port, optional features' secrets {@code optional: true},
 * placeholders only in the Secret template; compose with a bot, PostgreSQL and a proxy and no default password.
 */
class DeployManifestsTest {
    private static final Path KUBERNETES = Path.of("deploy", "kubernetes");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Shapes of real Slack tokens: xoxb-/xoxp-/xoxa-/xapp- followed by digits. */
    private static final Pattern SLACK_TOKEN = Pattern.compile("\\b(xox[abpr]|xapp)-\\d");
    private static final Set<String> REQUIRED_SECRETS = Set.of("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "INCIDENT_DB_PASSWORD");
    private static final Set<String> OPTIONAL_SECRETS = Set.of("INCIDENT_WEBHOOK_TOKEN", "GITHUB_WEBHOOK_SECRET", "SLACK_APP_TOKEN");
    private static final Map<String, Map<String, List<JsonNode>>> rendered = new HashMap<>();

    /** @return the overlay rendered by {@code kubectl kustomize}, documents by kind */
    private static synchronized Map<String, List<JsonNode>> render(String overlay) throws Exception {
        if (!rendered.containsKey(overlay)) {
            String kubectl = onPath("kubectl");
            Assumptions.assumeTrue(kubectl != null, "kubectl is not on PATH: the overlays were not rendered");
            Process p = new ProcessBuilder(kubectl, "kustomize", KUBERNETES.resolve(overlay).toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("kubectl kustomize %s", overlay).isZero();
            Map<String, List<JsonNode>> byKind = new HashMap<>();
            for (JsonNode doc : YAML.readerFor(JsonNode.class).<JsonNode>readValues(out).readAll()) {
                if (doc != null && doc.hasNonNull("kind")) {
                    byKind.computeIfAbsent(doc.get("kind").asText(), k -> new ArrayList<>()).add(doc);
                }
            }
            rendered.put(overlay, byKind);
        }
        return rendered.get(overlay);
    }

    private static String onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(dir, command);
            if (f.isFile() && f.canExecute()) {
                return f.getPath();
            }
        }
        return null;
    }

    private static JsonNode one(Map<String, List<JsonNode>> docs, String kind) {
        assertThat(docs.get(kind)).as("exactly one %s", kind).hasSize(1);
        return docs.get(kind).get(0);
    }

    private static JsonNode container(Map<String, List<JsonNode>> docs) {
        JsonNode containers = one(docs, "Deployment").at("/spec/template/spec/containers");
        assertThat(containers.size()).isEqualTo(1);
        return containers.get(0);
    }

    /** @return the container's environment as name → value (secret references as "secret:name/key[?]", ? when optional) */
    private static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode e : container.path("env")) {
            JsonNode ref = e.at("/valueFrom/secretKeyRef");
            env.put(e.get("name").asText(), ref.isMissingNode() ? e.path("value").asText()
                    : "secret:" + ref.get("name").asText() + "/" + ref.get("key").asText()
                    + (ref.path("optional").asBoolean(false) ? "?" : ""));
        }
        return env;
    }

    /** Resolves a port (a number or a port name) to the container port number. */
    private static int port(JsonNode container, JsonNode port) {
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

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void probesAskReadinessAndLivenessOnTheBotsHttpPortAndMetricsHaveTheirOwn(String overlay) throws Exception {
        JsonNode c = container(render(overlay));
        Map<String, String> env = env(c);
        int httpPort = Integer.parseInt(env.get("PORT"));
        assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
        assertThat(port(c, c.at("/readinessProbe/httpGet/port"))).isEqualTo(httpPort);
        assertThat(c.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/livez");
        assertThat(port(c, c.at("/livenessProbe/httpGet/port"))).isEqualTo(httpPort);
        assertThat(Integer.parseInt(env.get("METRICS_PORT"))).isNotEqualTo(httpPort);
        assertThat(env.get("METRICS_BIND")).as("scraped from outside the pod").isEqualTo("0.0.0.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void podRunsAsTheImagesNonRootUserOnAReadOnlyRootFilesystem(String overlay) throws Exception {
        long uid = DockerfileTest.runtimeUid(DockerfileInstructions.read(Path.of("Dockerfile")));
        JsonNode pod = one(render(overlay), "Deployment").at("/spec/template/spec");
        JsonNode c = container(render(overlay));
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/runAsUser").asLong()).isEqualTo(uid);
        assertThat(c.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(c.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(c.path("volumeMounts").findValuesAsText("mountPath")).contains("/tmp");
        assertThat(one(render(overlay), "Deployment").at("/spec/template/spec/terminationGracePeriodSeconds").asInt())
                .isGreaterThanOrEqualTo(30);
    }

    @Test
    void sqliteRunsOneReplicaOnAPersistentVolumeClaimAndNeverTwoAtOnce() throws Exception {
        Map<String, List<JsonNode>> docs = render("sqlite");
        JsonNode deployment = one(docs, "Deployment");
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(deployment.at("/spec/strategy/type").asText()).as("the old pod closes the file first").isEqualTo("Recreate");
        String db = env(container(docs)).get("INCIDENT_DB");
        assertThat(db).startsWith("/data/");
        String claim = one(docs, "PersistentVolumeClaim").at("/metadata/name").asText();
        String volume = null;
        for (JsonNode v : deployment.at("/spec/template/spec/volumes")) {
            if (claim.equals(v.at("/persistentVolumeClaim/claimName").asText())) {
                volume = v.get("name").asText();
            }
        }
        assertThat(volume).as("a volume from the claim").isNotNull();
        boolean mounted = false;
        for (JsonNode m : container(docs).path("volumeMounts")) {
            mounted |= m.get("name").asText().equals(volume) && db.startsWith(m.get("mountPath").asText() + "/");
        }
        assertThat(mounted).as("the database file is on the claim").isTrue();
        assertThat(docs).doesNotContainKey("PodDisruptionBudget");
        assertThat(env(container(docs))).doesNotContainKey("INCIDENT_DB_PASSWORD");
    }

    @Test
    void postgresRunsReplicasKeptAvailableByADisruptionBudget() throws Exception {
        Map<String, List<JsonNode>> docs = render("postgres");
        JsonNode deployment = one(docs, "Deployment");
        assertThat(deployment.at("/spec/replicas").asInt()).isGreaterThanOrEqualTo(2);
        Map<String, String> env = env(container(docs));
        assertThat(env.get("INCIDENT_DB")).startsWith("jdbc:postgresql://");
        assertThat(env.get("INCIDENT_DB_PASSWORD")).isEqualTo("secret:incident-bot/INCIDENT_DB_PASSWORD");
        JsonNode pdb = one(docs, "PodDisruptionBudget");
        assertThat(pdb.at("/spec/selector/matchLabels")).isEqualTo(deployment.at("/spec/selector/matchLabels"));
        assertThat(pdb.at("/spec/minAvailable").asInt()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void aServiceMonitorScrapesTheMetricsPortWhichANetworkPolicyKeepsToMonitoring(String overlay) throws Exception {
        Map<String, List<JsonNode>> docs = render(overlay);
        JsonNode podLabels = one(docs, "Deployment").at("/spec/template/metadata/labels");
        JsonNode service = one(docs, "Service");
        assertThat(subset(service.at("/spec/selector"), podLabels)).isTrue();
        JsonNode monitor = one(docs, "ServiceMonitor");
        assertThat(subset(monitor.at("/spec/selector/matchLabels"), service.at("/metadata/labels"))).isTrue();
        String scraped = monitor.at("/spec/endpoints/0/port").asText();
        assertThat(service.at("/spec/ports").findValuesAsText("name")).contains(scraped);
        assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/metrics");
        JsonNode policy = one(docs, "NetworkPolicy");
        assertThat(subset(policy.at("/spec/podSelector/matchLabels"), podLabels)).isTrue();
        boolean metricsOnlyFromASelector = false;
        for (JsonNode rule : policy.at("/spec/ingress")) {
            if (rule.path("ports").findValuesAsText("port").contains("metrics")) {
                metricsOnlyFromASelector = rule.path("from").size() > 0;
            }
        }
        assertThat(metricsOnlyFromASelector).as("the metrics port is open to the monitoring namespace only").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void optionalFeaturesSecretsAreOptionalAndTheTemplateHasEveryKey(String overlay) throws Exception {
        Map<String, String> env = env(container(render(overlay)));
        JsonNode template = YAML.readTree(KUBERNETES.resolve("base/secret.example.yaml").toFile());
        JsonNode data = template.path("stringData");
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (!e.getValue().startsWith("secret:")) {
                continue;
            }
            String key = e.getValue().replaceFirst("^secret:[^/]+/", "").replace("?", "");
            assertThat(data.has(key)).as("the Secret template has %s", key).isTrue();
            if (OPTIONAL_SECRETS.contains(e.getKey())) {
                assertThat(e.getValue()).as(e.getKey() + " is optional").endsWith("?");
            } else {
                assertThat(REQUIRED_SECRETS).contains(e.getKey());
                assertThat(e.getValue()).as(e.getKey() + " is required").doesNotEndWith("?");
            }
        }
        assertThat(env).containsKeys("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "INCIDENT_WEBHOOK_TOKEN");
        data.fields().forEachRemaining(e -> assertThat(e.getValue().asText()).as(e.getKey()).startsWith("REPLACE_WITH_"));
    }

    @Test
    void noRealLookingTokenAnywhereInTheDeploymentFiles() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.walk(KUBERNETES), Files.walk(Path.of("deploy", "compose")))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContainPattern(SLACK_TOKEN);
            }
        }
        assertThat(Files.readString(Path.of("compose.yaml"))).doesNotContainPattern(SLACK_TOKEN);
        assertThat(Files.readString(Path.of(".env.example"))).doesNotContainPattern(SLACK_TOKEN);
    }

    @Test
    void composeStartsABotPostgresAndAProxyWithNoDefaultPassword() throws IOException {
        String text = Files.readString(Path.of("compose.yaml"));
        JsonNode services = YAML.readTree(text).path("services");
        assertThat(services.at("/postgres/image").asText()).startsWith("postgres:");
        assertThat(services.at("/proxy/image").asText()).startsWith("caddy:");
        JsonNode bot = services.path("bot");
        assertThat(bot.at("/depends_on/postgres/condition").asText()).isEqualTo("service_healthy");
        assertThat(bot.path("stop_grace_period").asText()).isEqualTo("30s");
        assertThat(bot.at("/environment/INCIDENT_DB").asText()).startsWith("jdbc:postgresql://postgres:");
        for (JsonNode p : bot.path("ports")) {
            assertThat(p.asText()).as("only the proxy is public; the bot's metrics on loopback").startsWith("127.0.0.1:");
        }
        // Every secret is required from .env: ${NAME:?...}, never ${NAME:-default}.
        Matcher m = Pattern.compile("\\$\\{((?:[A-Z_]*(?:PASSWORD|SECRET|TOKEN)[A-Z_]*))(:?[-?])").matcher(text);
        Set<String> secrets = new TreeSet<>();
        while (m.find()) {
            secrets.add(m.group(1));
            if (!OPTIONAL_SECRETS.contains(m.group(1))) {
                assertThat(m.group(2)).as("%s has no default", m.group(1)).isEqualTo(":?");
            }
        }
        assertThat(secrets).contains("INCIDENT_DB_PASSWORD", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET");
        assertThat(text).doesNotContainPattern("PASSWORD:-");
        Matcher vars = Pattern.compile("\\$\\{([A-Z_]+)").matcher(text);
        String example = Files.readString(Path.of(".env.example"));
        while (vars.find()) {
            assertThat(example).as(".env.example names %s", vars.group(1)).containsPattern("(?m)^" + vars.group(1) + "=");
        }
        assertThat(Files.readString(Path.of(".gitignore"))).containsPattern("(?m)^\\.env$");
        assertThat(Path.of("deploy/compose/Caddyfile")).exists();
        assertThat(Files.readString(Path.of("deploy/compose/Caddyfile"))).contains("reverse_proxy bot:3000");
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
