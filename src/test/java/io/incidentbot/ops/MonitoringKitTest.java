package io.incidentbot.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.incidentbot.testkit.IncidentChannel;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.RunningBotExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitoring kit ({@code deploy/grafana/incident-bot.json}, {@code deploy/prometheus/rules.yml}) watches
 * metrics the bot really exports: every metric name in a dashboard query or an alert rule is in a
 * {@code /metrics} scrape of a freshly started bot (so a renamed metric breaks this test, not an operator's
 * 3 a.m.), histograms keep to {@link Metrics#MAX_BUCKETS} buckets, and, when promtool is installed (Debian's
 * {@code prometheus} package), {@code promtool check rules} accepts the rules and {@code promtool test rules}
 * passes {@code deploy/prometheus/rules.test.yml}.
 */
class MonitoringKitTest {
    private static final Path DASHBOARD = Path.of("deploy/grafana/incident-bot.json");
    private static final Path RULES = Path.of("deploy/prometheus/rules.yml");
    /** The bot's own metric families; {@code up} and the like come from Prometheus, not the bot. */
    private static final Pattern METRIC = Pattern.compile("\\b((?:incidentbot|process|jvm|jetty)_[a-z0-9_]+)\\b");

    @RegisterExtension
    final RunningBotExtension kit = new RunningBotExtension();

    private static List<String> dashboardQueries() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        assertThat(dashboard.path("title").asText()).isEqualTo("incident-bot");
        List<String> exprs = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("targets").size()).as("panel %s has queries", panel.path("title")).isPositive();
            panel.path("targets").forEach(t -> exprs.add(t.path("expr").asText()));
        }
        return exprs;
    }

    private static List<JsonNode> rules() throws IOException {
        JsonNode file = new YAMLMapper().readTree(RULES.toFile());
        List<JsonNode> rules = new ArrayList<>();
        file.path("groups").forEach(g -> g.path("rules").forEach(rules::add));
        return rules;
    }

    private static Set<String> metricNames(List<String> exprs) {
        Set<String> names = new TreeSet<>();
        for (String e : exprs) {
            Matcher m = METRIC.matcher(e);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    @Test
    void everyMetricTheDashboardAndTheRulesNameIsInAScrapeOfARunningBot() throws IOException {
        Set<String> inRules = metricNames(rules().stream().map(r -> r.path("expr").asText()).toList());
        Set<String> inDashboard = metricNames(dashboardQueries());
        assertThat(inRules).contains("incidentbot_outbox_failed_total", "incidentbot_slack_api_errors_total",
                "incidentbot_requests_unauthorized_total", "incidentbot_ready", "incidentbot_database_errors_total",
                "incidentbot_outbox_pending");
        assertThat(inDashboard).contains("incidentbot_incidents_declared_total", "incidentbot_reminders_sent_total",
                "incidentbot_outbox_retried_total", "process_cpu_seconds_total");

        RunningBot bot = kit.bot();
        Scrape fresh = new Scrape(bot.ops.get("/metrics").body());
        // Histograms and per-request counters show once something happened: one command, its Web API calls.
        IncidentChannel.declare(bot, "declare sev3 Monitoring kit check", "UALICE001");
        Scrape used = new Scrape(bot.ops.get("/metrics").body());

        for (String name : inRules) {
            boolean histogram = name.endsWith("_bucket") || name.endsWith("_count") || name.endsWith("_sum");
            assertThat(histogram ? used.has(name) : fresh.has(name))
                    .as("alert rule metric %s is in a scrape of a %s bot (counters at 0 from the start)", name,
                            histogram ? "running" : "fresh").isTrue();
        }
        for (String name : inDashboard) {
            assertThat(used.has(name)).as("dashboard metric %s is in a scrape of a running bot", name).isTrue();
        }
    }

    @Test
    void histogramsHaveAtMostTwelveBucketsAndNoErrorCodeLabel() {
        RunningBot bot = kit.bot();
        IncidentChannel.declare(bot, "declare sev3 Monitoring kit check", "UALICE001");
        Scrape s = new Scrape(bot.ops.get("/metrics").body());

        Map<String, Integer> buckets = new HashMap<>();
        for (String key : s.samples.keySet()) {
            if (key.contains("_bucket{")) {
                buckets.merge(key.replaceAll(",?le=\"[^\"]*\"", ""), 1, Integer::sum);
            }
        }
        assertThat(buckets).isNotEmpty();
        assertThat(buckets).allSatisfy((series, n) -> assertThat(n).as(series).isLessThanOrEqualTo(Metrics.MAX_BUCKETS));
        assertThat(s.samples.keySet()).filteredOn(k -> k.startsWith("incidentbot_slack_api_seconds"))
                .allSatisfy(k -> assertThat(k).doesNotContain("error=").containsPattern("outcome=\"(ok|error)\"|^[^{]*$"));
    }

    @Test
    void everyAlertRuleSaysWhatFiredAndHowBad() throws IOException {
        List<JsonNode> rules = rules();
        assertThat(rules).extracting(r -> r.path("alert").asText()).contains("IncidentBotOutboxBacklogGrowing",
                "IncidentBotDeliveriesFailing", "IncidentBotSlackApiErrors", "IncidentBotWebhook401Storm",
                "IncidentBotNotReady", "IncidentBotDatabaseErrors");
        for (JsonNode r : rules) {
            assertThat(r.path("expr").asText()).as(r.path("alert").asText()).isNotBlank();
            assertThat(r.path("labels").path("severity").asText()).isIn("warning", "critical");
            assertThat(r.path("annotations").path("summary").asText()).isNotBlank();
        }
    }

    @Test
    void promtoolAcceptsTheRules() throws Exception {
        String promtool = onPath("promtool");
        Assumptions.assumeTrue(promtool != null, "promtool is not on PATH: `promtool check rules " + RULES + "` not run");
        run(promtool, "check", "rules", RULES.toString());
        // The alerts fire on the series a bot writes (deploy/prometheus/rules.test.yml).
        run(promtool, "test", "rules", RULES.resolveSibling("rules.test.yml").toString());
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
    }

    /** @return the executable's path when it is on {@code PATH}, else null */
    static String onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(dir, command);
            if (f.isFile() && f.canExecute()) {
                return f.getPath();
            }
        }
        return null;
    }
}
