package io.incidentbot.slack.render;

import io.incidentbot.alerts.AlertStatus;
import io.incidentbot.incident.IncidentEvent;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.reminders.ReminderNote;
import io.incidentbot.slack.jobs.SlackJob;
import io.incidentbot.store.AlertRepository.StoredAlert;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24, "Alert text reaches Slack un-neutralised": every {@code text} the bot sends with
 * {@code chat.postMessage}/{@code chat.update} (the notification, the fallback of its blocks) carries
 * no live broadcast and no masked link from user or sender text, for every post kind.
 */
class FallbackTextTest {
    /** The summary the attacker put in a warning alert (issue 24). */
    static final String HOSTILE = "<!channel> <!here> <!everyone> <!subteam^S0ONCALL|@oncall> "
            + "<https://evil.example/login|Open runbook>";
    static final Instant AT = Instant.parse("2026-12-07T13:35:00Z");

    static void defused(String text) {
        assertThat(text).doesNotContain("<!channel", "<!here", "<!everyone", "<!subteam", "|Open runbook>");
        assertThat(text).containsAnyOf("evil.example/login (", "Open runbook (<https://evil.example/login>)",
                "&lt;https://evil.example/login|Open runbook&gt;");
    }

    @Test
    void theAlertGroupFallbackEscapesTheTitle() {
        StoredAlert a = new StoredAlert("k", "ReplLag", AlertStatus.FIRING, AT, null, null);
        defused(AlertPosts.groupText(HOSTILE, List.of(a)));
        defused(UserText.outgoing(AlertPosts.groupText(HOSTILE, List.of(a))));
    }

    @Test
    void channelPostsOfUserText() {
        defused(ChannelPosts.post(new IncidentEvent.NoteAdded(1, "UALICE001", HOSTILE, AT)));
        defused(ChannelPosts.post(new IncidentEvent.StatusUpdatePosted(1, "UALICE001", HOSTILE, AT)));
    }

    @Test
    void announcements() {
        defused(ChannelPosts.announcement(new SlackJob.Update(1, Severity.SEV2, Status.INVESTIGATING, "UALICE001", HOSTILE), "C1"));
        defused(ChannelPosts.announcement(new SlackJob.Resolved(1, "Checkout", AT, AT.plusSeconds(600), HOSTILE), "C1"));
        defused(ChannelPosts.announcement(new SlackJob.Declared(1, Severity.SEV2, HOSTILE, "UALICE001", false), "C1"));
    }

    @Test
    void theUnownedFollowUpsReminder() {
        defused(ReminderPosts.text(new ReminderNote.UnownedFollowUps(1, List.of(HOSTILE))));
    }

    @Test
    void theLastGuardDefusesBroadcastsAndKeepsTheBotsOwnMarkup() {
        String own = "<@UALICE001> in <#C1> at <!date^1764237600^{time}|10:00 UTC> (<https://x.example/p1|original>)";
        assertThat(UserText.outgoing(own)).isEqualTo(own);
        assertThat(UserText.outgoing("hi <!channel> and <!subteam^S1|@oncall>"))
                .isEqualTo("hi @\u2060channel and @\u2060oncall");
    }
}
