package io.incidentbot.slack.jobs;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Role;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.reminders.ReminderNote;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21, "Nobody alone in an empty channel": a lead reminder of an incident whose channel has no human member is
 * not posted there; it goes to the alerts channel, or without one as a direct message to the current on-call.
 */
class ReminderJobTest {
    private static final Instant AT = Instant.parse("2026-12-07T03:10:00Z");
    private static final Incident INCIDENT = new Incident(4, "HighErrorRate", Severity.SEV2, Status.INVESTIGATING, false,
            null, "CINC00004", "inc-4", null, "UALERTBOT", AT.minusSeconds(600), null, null, null, null, Map.of());
    private SlackStandIn slack;
    private MethodsClient client;

    @BeforeEach
    void open() throws Exception {
        slack = new SlackStandIn();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        client = Slack.getInstance(config).methods(SlackStandIn.BOT_TOKEN);
    }

    @AfterEach
    void close() throws Exception {
        slack.close();
    }

    private Outcome deliver(String alertsChannel, List<String> oncall, boolean emptyChannel) {
        ReminderJob job = new ReminderJob(new Posts(client), client, alertsChannel, at -> oncall);
        SlackJob.Remind remind = new SlackJob.Remind(new ReminderNote.LeadMissing(4, Duration.ofMinutes(10), emptyChannel));
        return job.deliver(new OutboxJob(7, 4, SlackJobs.SUBSCRIBER, "REMIND", SlackJobs.write(remind), 0, AT, AT),
                INCIDENT, remind);
    }

    private List<String> postedTo(String channel) {
        return slack.messages(channel).stream().map(m -> String.valueOf(m.get("text"))).toList();
    }

    @Test
    void aLeadReminderOfAnEmptyChannelGoesToTheAlertsChannelWithALinkToTheIncidentChannel() {
        assertThat(deliver("CALERTS01", List.of("U0ONCALL1"), true).type()).isEqualTo(Outcome.Type.DONE);
        assertThat(postedTo("CINC00004")).as("nothing in the empty channel").isEmpty();
        assertThat(postedTo("CALERTS01")).singleElement().asString()
                .contains("Incident 4 has had no lead for 10 min and nobody is in <#CINC00004>");
        assertThat(slack.calls("conversations.open")).isEmpty();
    }

    @Test
    void withoutAnAlertsChannelItIsADirectMessageToTheOncall() {
        assertThat(deliver(null, List.of("U0ONCALL1"), true).type()).isEqualTo(Outcome.Type.DONE);
        assertThat(postedTo("CINC00004")).isEmpty();
        assertThat(slack.calls("conversations.open")).singleElement()
                .satisfies(c -> assertThat(c.arg("users")).isEqualTo("U0ONCALL1"));
        assertThat(postedTo("D0ONCALL1")).singleElement().asString().contains("nobody is in <#CINC00004>");
        assertThat(slack.calls("chat.postMessage").get(0).arg("blocks")).contains("reminder_take_lead");
    }

    @Test
    void withNeitherItIsNotSentAndAChannelWithSomeoneInItGetsItAsBefore() {
        assertThat(deliver(null, List.of(), true).type()).isEqualTo(Outcome.Type.DONE);
        assertThat(slack.calls("chat.postMessage")).isEmpty();
        deliver("CALERTS01", List.of("U0ONCALL1"), false);
        assertThat(postedTo("CINC00004")).singleElement().asString().contains("Incident 4 has had no lead for 10 min. Who leads it?");
        assertThat(postedTo("CALERTS01")).isEmpty();
    }
}
