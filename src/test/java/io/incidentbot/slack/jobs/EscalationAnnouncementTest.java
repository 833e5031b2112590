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
 * Issue 24, "Stakeholders miss changes": the announcement channel got declare, updates and resolve, but
 * not an escalation to a higher severity nor a reopen. Both are announced now (a downgrade is not).
 */
class EscalationAnnouncementTest extends AnnouncementFixture {
    @Test
    void anEscalationAndAReopenAreAnnouncedButADowngradeIsNot() {
        incidents.declare(new Declaration("Checkout slow", Severity.SEV3, null, false, ALICE, null));
        deliverAll();
        String channel = incidents.queries().listOpen().get(0).channelId();

        incidents.setSeverity(channel, Severity.SEV1, ALICE);
        incidents.setSeverity(channel, Severity.SEV2, ALICE);
        incidents.resolve(channel, "Cache warmed", ALICE);
        incidents.setStatus(channel, Status.INVESTIGATING, "UBOB00001");
        deliverAll();

        List<String> announced = announced();
        assertThat(announced).hasSize(4);
        assertThat(announced.get(1)).isEqualTo(":arrow_double_up: Incident 1 (*Checkout slow*) escalated from SEV3 to *SEV1*"
                + " by <@" + ALICE + ">. Follow along in <#" + channel + ">.");
        assertThat(announced.get(2)).startsWith(":white_check_mark: Incident 1");
        assertThat(announced.get(3)).isEqualTo(":warning: Incident 1 (*Checkout slow*, SEV2) was reopened by <@UBOB00001>,"
                + " now investigating. Follow along in <#" + channel + ">.");
    }
}
