package io.incidentbot.slack.milestones;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbot.incident.Incident;
import io.incidentbot.milestones.Milestone;
import io.incidentbot.testkit.RunningBotExtension;
import io.incidentbot.testkit.SlackStandIn;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.incidentbot.testkit.SlackStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /incident timestamps} through the running bot (issue 25): the modal, a correction, and a refusal. */
class TimestampsFromSlackTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final RunningBotExtension running = new RunningBotExtension();
    final SlackStandIn slack = running.slack();

    private Incident incident() {
        return running.bot().bot.storage().read(r -> r.incidents().find(1)).orElseThrow();
    }

    private static Map<String, Object> picker(Milestone m, Instant at) {
        // view.state.values is block_id -> action_id -> value (Slack's "view_submission payload"); here both IDs are the same
        return Map.of(TimestampsModal.block(m), Map.of(TimestampsModal.block(m),
                Map.of("type", "datetimepicker", "selected_date_time", at.getEpochSecond())));
    }

    private static Map<String, Object> submission(Map<String, Object> values) {
        return io.incidentbot.slack.interactions.InteractionPayloads.submission("UBOB00001", TimestampsModal.CALLBACK_ID,
                "1", values);
    }

    @Test
    void timestampsOpensPickersAndACorrectionIsStoredWithAnEntryWhileABrokenOrderIsRefusedWithTheReason() throws Exception {
        var client = running.bot().client;
        client.command("declare sev2 Search is down", "UALICE001", "CGENERAL1");
        await("incident 1 header", 30, () -> incident().headerTs() != null);
        String channel = incident().channelId();
        client.command("status identified", "UALICE001", channel);
        client.command("status monitoring", "UALICE001", channel);
        Instant declared = incident().declaredAt();

        int before = slack.calls("views.open").size();
        assertThat(client.command("timestamps", "UALICE001", channel).statusCode()).isEqualTo(200);
        await("views.open", 30, () -> slack.calls("views.open").size() > before);
        JsonNode modal = JSON.readTree(slack.calls("views.open").get(before).arg("view"));
        assertThat(modal.path("callback_id").asText()).isEqualTo(TimestampsModal.CALLBACK_ID);
        assertThat(modal.toString()).contains("\"type\":\"datetimepicker\"", "\"action_id\":\"ts_impact_started\"",
                "\"initial_date_time\":" + incident().mitigatedAt().getEpochSecond());

        Instant impact = declared.minus(7, ChronoUnit.MINUTES);
        Map<String, Object> asShown = new LinkedHashMap<>(picker(Milestone.IMPACT_STARTED, impact));
        asShown.putAll(picker(Milestone.IDENTIFIED, incident().identifiedAt()));
        asShown.putAll(picker(Milestone.MITIGATED, incident().mitigatedAt()));
        HttpResponse<String> ok = client.interactivity(submission(asShown));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).doesNotContain("errors");
        java.util.Optional<Instant> stored = running.bot().bot.storage().read(r -> r.incidents().impactStarted(1));
        assertThat(stored).contains(impact.truncatedTo(ChronoUnit.MINUTES));
        List<TimelineEntry> timeline = running.bot().bot.storage().read(r -> r.timeline().list(1));
        assertThat(timeline).filteredOn(e -> e.kind() == EntryKind.NOTE).singleElement()
                .satisfies(e -> assertThat(e.userId()).isEqualTo("UBOB00001"))
                .satisfies(e -> assertThat(e.text()).startsWith("Corrected impact started unset → "));
        List<String> detect = List.of("*Impact started* ", "!date^" + impact.truncatedTo(ChronoUnit.MINUTES).getEpochSecond(),
                " — time to detect " + io.incidentbot.slack.render.Messages.duration(
                        java.time.Duration.between(impact.truncatedTo(ChronoUnit.MINUTES), declared)));
        await("the header shows when impact started and the time to detect", 30, () -> slack.calls("chat.update").stream()
                .anyMatch(c -> channel.equals(c.arg("channel")) && detect.stream().allMatch(String.valueOf(c.arg("blocks"))::contains)));

        HttpResponse<String> refused = client.interactivity(submission(
                picker(Milestone.MITIGATED, impact.minus(30, ChronoUnit.MINUTES))));
        JsonNode answer = JSON.readTree(refused.body());
        assertThat(answer.path("response_action").asText()).isEqualTo("errors");
        assertThat(answer.at("/errors/ts_mitigated").asText()).contains("cannot be before").contains("Nothing was changed.");
        assertThat(incident().mitigatedAt()).isAfterOrEqualTo(declared);

        // The header's Timestamps button opens the same pickers, pre-filled with the corrected impact start.
        String header = slack.calls("chat.postMessage").stream().filter(c -> channel.equals(c.arg("channel")))
                .map(c -> String.valueOf(c.arg("blocks"))).filter(b -> b.contains(io.incidentbot.slack.render.Header.TIMESTAMPS))
                .findFirst().orElseThrow();
        assertThat(header).contains("Timestamps");
        int opened = slack.calls("views.open").size();
        assertThat(client.interactivity(io.incidentbot.slack.interactions.InteractionPayloads.buttonClick("UALICE001", channel,
                incident().headerTs(), io.incidentbot.slack.render.Header.TIMESTAMPS, "1",
                slack.url("/response/UALICE001"))).statusCode()).isEqualTo(200);
        await("views.open from the button", 30, () -> slack.calls("views.open").size() > opened);
        JsonNode fromButton = JSON.readTree(slack.calls("views.open").get(opened).arg("view"));
        assertThat(fromButton.path("callback_id").asText()).isEqualTo(TimestampsModal.CALLBACK_ID);
        assertThat(fromButton.toString()).contains("\"initial_date_time\":"
                + impact.truncatedTo(ChronoUnit.MINUTES).getEpochSecond());
    }
}
