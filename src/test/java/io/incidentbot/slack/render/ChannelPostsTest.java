package io.incidentbot.slack.render;

import io.incidentbot.incident.IncidentEvent;
import io.incidentbot.incident.IncidentEvent.FollowUpRecorded;
import io.incidentbot.incident.IncidentEvent.NoteAdded;
import io.incidentbot.incident.IncidentEvent.Reopened;
import io.incidentbot.incident.IncidentEvent.RoleAssigned;
import io.incidentbot.incident.IncidentEvent.SeverityChanged;
import io.incidentbot.incident.IncidentEvent.StatusChanged;
import io.incidentbot.incident.IncidentEvent.StatusUpdatePosted;
import io.incidentbot.incident.Role;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.slack.jobs.SlackJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the bot posts, worded from typed records, and the import's parser reading its own posts back. */
class ChannelPostsTest {
    private static final Instant AT = Instant.parse("2026-11-27T10:15:30.123456Z");

    static Stream<IncidentEvent> parsedKinds() {
        return Stream.of(
                new StatusChanged(0, "UALICE001", Status.INVESTIGATING, Status.IDENTIFIED, AT),
                new StatusChanged(0, "UALICE001", Status.MONITORING, Status.RESOLVED, AT),
                new Reopened(12, "UBOB00001", Status.RESOLVED, Status.MONITORING, AT),
                new SeverityChanged(0, "UBOB00001", Severity.SEV3, Severity.SEV1, AT),
                new RoleAssigned(0, "UALICE001", Role.COMMS, "UDAVE0001", AT),
                new RoleAssigned(0, "UALICE001", Role.LEAD, "W0ENTERPRISE1", AT));
    }

    @ParameterizedTest
    @MethodSource("parsedKinds")
    void everyPostTheImportReadsParsesBackIntoTheRecordItWasRenderedFrom(IncidentEvent event) {
        assertThat(ChannelPosts.parse(ChannelPosts.post(event), AT)).contains(event);
    }

    @Test
    void postsOfOtherKindsAndOtherWordsParseToNothing() {
        assertThat(ChannelPosts.parse(ChannelPosts.post(new NoteAdded(0, "U1X", "changed status", AT)), AT)).isEmpty();
        assertThat(ChannelPosts.parse("<@UALICE001> changed status: Status investigating → sleeping", AT)).isEmpty();
        assertThat(ChannelPosts.parse("set the channel topic: SEV1 | identified", AT)).isEmpty();
    }

    @Test
    void channelPostsAreWordedAsBefore() {
        assertThat(List.of(
                ChannelPosts.post(new StatusChanged(0, "UA", Status.INVESTIGATING, Status.IDENTIFIED, AT)),
                ChannelPosts.post(new Reopened(4, "UA", Status.RESOLVED, Status.IDENTIFIED, AT)),
                ChannelPosts.post(new SeverityChanged(0, "UA", Severity.SEV2, Severity.SEV1, AT)),
                ChannelPosts.post(new RoleAssigned(0, "UA", Role.SCRIBE, "UB", AT)),
                ChannelPosts.post(new NoteAdded(0, "UA", "db is back", AT)),
                ChannelPosts.post(new StatusUpdatePosted(0, "UA", "Failing over", AT)),
                ChannelPosts.post(new FollowUpRecorded(0, "UA", 0, "Add an alert", "UB", AT)),
                ChannelPosts.post(new FollowUpRecorded(0, "UA", 0, "Write the runbook", null, AT))))
                .containsExactly(
                        // issue 13: "Status" is said once, and a follow-up has no done-checkmark
                        "<@UA> changed status: investigating → identified",
                        ":warning: <@UA> reopened incident 4: resolved → identified",
                        "<@UA> changed severity: Severity SEV2 → SEV1",
                        "<@UA> assigned scribe: <@UB>",
                        ":memo: Note from <@UA>: db is back",
                        ":loudspeaker: Status update from <@UA>: Failing over",
                        ":clipboard: Follow-up recorded by <@UA>: Add an alert (owner <@UB>)",
                        ":clipboard: Follow-up recorded by <@UA>: Write the runbook");
    }

    @Test
    void postsOfEarlierVersionsStillParse() {
        assertThat(ChannelPosts.parse("<@UA> changed status: Status investigating → identified", AT))
                .contains(new StatusChanged(0, "UA", Status.INVESTIGATING, Status.IDENTIFIED, AT));
        assertThat(ChannelPosts.parse(":warning: <@UA> reopened incident 4: Status resolved → identified", AT))
                .contains(new Reopened(4, "UA", Status.RESOLVED, Status.IDENTIFIED, AT));
    }

    @Test
    void announcementsAreWordedFromTheirSnapshot() {
        Instant declared = Instant.parse("2026-11-27T08:00:00Z");
        assertThat(ChannelPosts.announcement(new SlackJob.Declared(3, Severity.SEV1, "Pay <down> & out", "UA", false), "C9"))
                .isEqualTo(":rotating_light: *SEV1* incident 3 declared by <@UA>: *Pay &lt;down&gt; &amp; out*\nFollow along in <#C9>.");
        assertThat(ChannelPosts.announcement(new SlackJob.Declared(3, Severity.SEV1, "Secret", "UA", true), "C9"))
                .isEqualTo(":lock: A private incident was declared. Details are shared with its responders only.");
        assertThat(ChannelPosts.announcement(new SlackJob.Update(3, Severity.SEV1, Status.IDENTIFIED, "UA", "Failing over"), "C9"))
                .isEqualTo(":loudspeaker: *Incident 3* (SEV1, identified) update from <@UA> in <#C9>:\nFailing over");
        assertThat(ChannelPosts.announcement(new SlackJob.Resolved(3, "Pay down", declared,
                declared.plus(Duration.ofMinutes(125))), "C9"))
                .isEqualTo(":white_check_mark: Incident 3 (*Pay down*) is resolved after 2 h 05 min. <#C9>"
                        + "\n*Postmortem draft:* in <#C9>");
        assertThat(ChannelPosts.announcement(new SlackJob.Resolved(3, "Pay down", declared,
                declared.plus(Duration.ofMinutes(125)), "Rolled back the deploy"), "C9", "https://files.example/F1"))
                .isEqualTo(":white_check_mark: Incident 3 (*Pay down*) is resolved after 2 h 05 min. <#C9>"
                        + "\n*Resolution:* Rolled back the deploy\n*Postmortem draft:* <https://files.example/F1|incident-3-postmortem.md>");
    }
}
