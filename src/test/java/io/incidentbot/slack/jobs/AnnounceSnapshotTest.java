package io.incidentbot.slack.jobs;

import io.incidentbot.incident.Declaration;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service writes the announcement and the job handlers deliver it to the Web API stand-in later:
 * what Slack receives is what was true when the announcement was written, not when it was delivered.
 */
class AnnounceSnapshotTest extends AnnouncementFixture {
    @Test
    void aStatusUpdateDeliveredAfterTheResolutionIsAnnouncedWithTheStatusItWasWrittenUnder() {
        Incident declared = incidents.declare(new Declaration("Checkout down", Severity.SEV1, null, false, ALICE, null));
        deliverAll();
        String channel = incidents.queries().listOpen().get(0).channelId();
        assertThat(channel).isNotNull();

        incidents.setStatus(channel, Status.IDENTIFIED, ALICE);
        incidents.statusUpdate(channel, "Failing over the database", ALICE);
        incidents.setSeverity(channel, Severity.SEV2, ALICE);
        clock.advance(Duration.ofMinutes(42));
        incidents.resolve(channel, "Failed over", ALICE);
        clock.advance(Duration.ofHours(3));
        deliverAll();

        assertThat(announced()).containsExactly(
                ":rotating_light: *SEV1* incident " + declared.number() + " declared by <@" + ALICE
                        + ">: *Checkout down*\nFollow along in <#" + channel + ">.",
                ":loudspeaker: *Incident 1* (SEV1, identified) update from <@" + ALICE + "> in <#" + channel
                        + ">:\nFailing over the database",
                // issue 13: the resolution announcement carries the summary and a link to the draft
                ":white_check_mark: Incident 1 (*Checkout down*) is resolved after 42 min. <#" + channel + ">"
                        + "\n*Resolution:* Failed over\n*Postmortem draft:* in <#" + channel + ">");
        List<Map<String, Object>> inChannel = slack.messages(channel);
        assertThat(inChannel).extracting(m -> m.get("text")).contains(
                "<@" + ALICE + "> changed status: investigating → identified",
                ":loudspeaker: Status update from <@" + ALICE + ">: Failing over the database",
                "<@" + ALICE + "> changed severity: Severity SEV1 → SEV2");
    }
}
