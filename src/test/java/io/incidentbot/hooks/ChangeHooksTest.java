package io.incidentbot.hooks;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Severity;
import io.incidentbot.postmortem.PostmortemService;
import io.incidentbot.postmortem.UserDirectory;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changes over real HTTP (the generic hook and signed GitHub deliveries from octokit's examples), shown
 * when an incident is declared, by {@code /incident changes}, and in the postmortem draft.
 */
class ChangeHooksTest {
    /** The generic alert fixture's {@code at}; the change fixture is 3 h 14 min earlier (11:48+01:00). */
    private static final Instant DECLARED = Instant.parse("2026-11-27T14:02:00Z");

    @TempDir
    Path dir;
    SlackStandIn slack;
    HookBot hooks;

    @BeforeEach
    void start() throws Exception {
        slack = new SlackStandIn();
        hooks = new HookBot(slack, dir.resolve("incidents.db"), Map.of(), DECLARED);
    }

    @AfterEach
    void stop() throws Exception {
        hooks.close();
        slack.close();
    }

    private Incident incident() {
        return hooks.bot.storage().read(r -> r.incidents().find(1)).orElseThrow();
    }

    @Test
    void changesAreStoredOnceAndGitHubDeliveriesDeduplicated() {
        assertThat(hooks.post("/hooks/changes", HookFixtures.bytes("generic/change-config.json")).body()).contains("\"stored\":1");
        assertThat(hooks.post("/hooks/changes", HookFixtures.bytes("generic/change-config.json")).body()).contains("\"stored\":0");

        byte[] deploy = HookFixtures.bytes("github/deployment_status-failure.json");
        HttpResponse<String> first = hooks.github("deployment_status", "72d3162e-cc78-11e3-81ab-4c9367dc0958", deploy, HookBot.GITHUB_SECRET);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"stored\":1");
        assertThat(hooks.github("deployment_status", "72d3162e-cc78-11e3-81ab-4c9367dc0958", deploy, HookBot.GITHUB_SECRET).body())
                .contains("\"stored\":0");
        assertThat(hooks.github("push", "push-1", HookFixtures.bytes("github/push-default-branch.json"), HookBot.GITHUB_SECRET).body())
                .contains("\"stored\":1");
        HttpResponse<String> ignored = hooks.github("release", "rel-1", HookFixtures.bytes("github/release-created.json"), HookBot.GITHUB_SECRET);
        assertThat(ignored.statusCode()).isEqualTo(202);
        long all = hooks.bot.storage().read(r -> r.changes().countBetween(Instant.EPOCH, DECLARED));
        assertThat(all).isEqualTo(3);
    }

    @Test
    void declaringPostsTheChangesBeforeAndTheDraftListsAlertsAndChanges() throws Exception {
        hooks.post("/hooks/changes", HookFixtures.bytes("generic/change-config.json"));
        HttpResponse<String> declared = hooks.postUntilStored("/hooks/alerts", HookFixtures.bytes("generic/alert-firing.json"));
        assertThat(declared.body()).contains("\"route\":\"declare\"");
        assertThat(incident().severity()).isEqualTo(Severity.SEV1);
        SlackStandIn.await("the incident channel", 10, () -> incident().channelId() != null);
        String channel = incident().channelId();
        SlackStandIn.await("the changes post", 10, () -> slack.calls("chat.postMessage").stream()
                .anyMatch(c -> channel.equals(c.arg("channel")) && String.valueOf(c.arg("text")).startsWith("*Changes in the 24 h")));
        String post = slack.calls("chat.postMessage").stream().map(c -> String.valueOf(c.arg("text")))
                .filter(t -> t.startsWith("*Changes in the 24 h")).findFirst().orElseThrow();
        assertThat(post).isEqualTo("*Changes in the 24 h before this incident*\n"
                + "• <!date^1795776480^{date_short_pretty} {time}|2026-11-27 10:48 UTC> (3 h 14 min before) *config* checkout"
                + " (production) by ana: <https://git.example.com/infra/pull/88|Raise checkout connection pool to 50>\n");

        hooks.clock.advance(Duration.ofMinutes(5));
        hooks.post("/hooks/changes", "{\"title\":\"Roll back checkout to v41\",\"kind\":\"deploy\",\"service\":\"checkout\",\"author\":\"bo\"}"
                .getBytes(StandardCharsets.UTF_8));
        String reply = hooks.command("changes", "U0LEAD001", channel);
        assertThat(reply).contains("*Changes in the 24 h before incident 1*").contains("Raise checkout connection pool to 50")
                .contains("*Changes during the incident*").contains("(5 min after) *deploy* checkout by bo: Roll back checkout to v41");

        StringWriter draft = new StringWriter();
        new PostmortemService(hooks.bot.storage(), UserDirectory.NONE, hooks.clock, ZoneOffset.UTC).render(1, draft);
        String md = draft.toString();
        assertThat(md).contains("## Alerts\n\n| Alert | First fired | Resolved | Duration | Link |\n|---|---|---|---|---|\n"
                + "| Checkout error rate above 5% | 2026-11-27 14:02 | still firing | — | [link](https://app.datadoghq.com/monitors/123) |\n");
        assertThat(md).contains("## Changes before the incident\n\n- 2026-11-27 10:48 (3 h 14 min before): **config** checkout"
                + " (production) by ana — Raise checkout connection pool to 50 ([link](https://git.example.com/infra/pull/88))\n");
        assertThat(md.indexOf("## Alerts")).isLessThan(md.indexOf("## Changes before the incident"));
        assertThat(md.indexOf("## Changes before the incident")).isLessThan(md.indexOf("## Summary"));
        String keyEvents = md.substring(md.indexOf("## Timeline of key events"), md.indexOf("## Root cause"));
        assertThat(keyEvents).contains("10:48").contains("Change (config, checkout, production, by ana)")
                .contains("Alert firing: Checkout error rate above 5%");
        assertThat(keyEvents.indexOf("Change (config")).isLessThan(keyEvents.indexOf("Alert firing"));
        assertThat(List.of(hooks.command("list", "U0LEAD001", "CGENERAL1"))).singleElement().asString()
                .contains(":rotating_light: opened by alerts");
    }
}
