package io.incidentbot.slack.render;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Role;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.reminders.ReminderNote;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 25: with a process file that renames severities and roles, the header, the channel topic, reminders and
 * {@code /incident list} use the file's names (the code stays next to a severity's name, as pagers and stats say it);
 * without one ({@link Names#CODES}) they read as before.
 */
class ProcessNamesTest {
    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");
    private static final Names NAMES = new Names(Map.of(Severity.SEV2, "Major"),
            Map.of(Role.LEAD, "Incident commander", Role.COMMS, "Communications"));
    private static final Incident INCIDENT = new Incident(7, "Checkout is down", Severity.SEV2, Status.INVESTIGATING,
            false, null, "C1", "inc-7", null, "UALICE001", AT, null, null, null, null,
            Map.of(Role.LEAD, "UBOB00001", Role.COMMS, "UCAROL001", Role.SCRIBE, "UDAN00001"));

    @Test
    void theHeaderFieldsAndRolesLineUseTheFilesNames() {
        String blocks = Messages.headerBlocks(INCIDENT, NAMES).toString();
        assertThat(blocks).contains("*Severity*\nSEV2 Major", "*Incident commander*\n<@UBOB00001>",
                "*Communications* <@UCAROL001>", "*scribe* <@UDAN00001>").doesNotContain("*Lead*", "*comms*");
        assertThat(Header.blocks(INCIDENT, java.util.Optional.empty(), false, List.of(), Header.Extra.NONE, null, NAMES)
                .toString()).contains("*Severity*\nSEV2 Major", "*Incident commander*\n<@UBOB00001>");
        assertThat(Messages.headerText(INCIDENT, NAMES)).isEqualTo("Incident 7: Checkout is down — SEV2 Major, investigating");
        assertThat(Messages.headerBlocks(INCIDENT).toString()).contains("*Severity*\nSEV2, verbatim", "*Lead*\n<@UBOB00001>",
                "*comms* <@UCAROL001>");
        assertThat(Messages.headerBlocks(INCIDENT, Names.CODES)).isEqualTo(Messages.headerBlocks(INCIDENT));
    }

    @Test
    void theTopicUsesTheFilesNames() {
        assertThat(Messages.topic(INCIDENT, NAMES))
                .isEqualTo("SEV2 Major | investigating | Incident commander <@UBOB00001> | Checkout is down");
        assertThat(Messages.topic(INCIDENT)).isEqualTo("SEV2 | investigating | lead <@UBOB00001> | Checkout is down");
    }

    @Test
    void remindersNameTheLeadAsTheFileDoes() {
        ReminderNote.UpdateDue due = new ReminderNote.UpdateDue(7, "UBOB00001", Duration.ofMinutes(30));
        assertThat(ReminderPosts.text(due, NAMES)).contains("<@UBOB00001>, as Incident commander:");
        assertThat(ReminderPosts.text(new ReminderNote.UpdateDue(7, null, Duration.ofMinutes(30)), NAMES))
                .contains("There is no Incident commander yet");
        ReminderNote.LeadMissing missing = new ReminderNote.LeadMissing(7, Duration.ofMinutes(10), false);
        assertThat(ReminderPosts.text(missing, NAMES)).contains("has had no Incident commander for 10 min");
        assertThat(ReminderPosts.nobodyThere(missing, "C1", NAMES)).contains("has had no Incident commander for 10 min");
        assertThat(ReminderPosts.text(due)).isEqualTo(ReminderPosts.text(due, Names.CODES)).contains(", as lead:");
        assertThat(ReminderPosts.text(missing)).contains("has had no lead for 10 min");
    }

    @Test
    void theListShowsTheSeveritysName() {
        Instant now = AT.plus(Duration.ofMinutes(5));
        assertThat(Messages.list(List.of(INCIDENT), Map.of(), Set.of(), now, NAMES))
                .contains("• *7* SEV2 Major Checkout is down");
        assertThat(Messages.list(List.of(INCIDENT), Map.of(), Set.of(), now)).contains("• *7* SEV2 Checkout is down");
    }

    @Test
    void appHomeShowsTheFilesNames() {
        Incident resolved = new Incident(6, "Search slow", Severity.SEV2, Status.RESOLVED, false, null, "C0", "inc-6", null,
                "UALICE001", AT, null, null, AT.plusSeconds(600), null, Map.of());
        String named = HomeTab.view("UBOB00001", List.of(INCIDENT), List.of(resolved), Set.of(), null, NAMES).toString();
        assertThat(named).contains(":star: _you are Incident commander_", "*SEV2 Major* Checkout is down",
                "investigating · Incident commander <@UBOB00001>", "• *6* SEV2 Major Search slow");
        assertThat(NAMES.legend()).isEqualTo("_SEV2 is Major_");
        assertThat(Names.CODES.legend()).isNull();
        String codes = HomeTab.view("UBOB00001", List.of(INCIDENT), List.of(resolved), Set.of(), null).toString();
        assertThat(codes).contains(":star: _you are lead_", "*SEV2* Checkout is down", "investigating · lead <@UBOB00001>",
                "• *6* SEV2 Search slow");
    }

    @Test
    void theAddToTimelinePickerAndPlainTextsNameTheSeverityUnescaped() {
        Names rnd = new Names(Map.of(Severity.SEV2, "R&D <major>"), Map.of());
        String picker = Modals.addToTimeline(List.of(INCIDENT), "{}", rnd).toString();
        assertThat(picker).contains("text=7 SEV2 R&D <major> Checkout is down");
        assertThat(Modals.addToTimeline(List.of(INCIDENT), "{}").toString()).contains("text=7 SEV2 Checkout is down");
        assertThat(rnd.severityText(Severity.SEV2)).isEqualTo("SEV2 R&D <major>");
        assertThat(rnd.severity(Severity.SEV2)).as("mrkdwn").isEqualTo("SEV2 R&amp;D &lt;major&gt;");
        assertThat(rnd.legendText()).as("for a terminal").isEqualTo("SEV2 is R&D <major>");
        assertThat(rnd.legend()).isEqualTo("_SEV2 is R&amp;D &lt;major&gt;_");
        assertThat(Names.CODES.legendText()).isNull();
    }

    @Test
    void theHeadersSeverityAndRolesFormsUseTheFilesNames() {
        assertThat(Modals.severity(INCIDENT, NAMES).toString()).contains("text=SEV2 Major", "text=SEV1,", "value=SEV2");
        assertThat(Modals.severity(INCIDENT).toString()).contains("text=SEV2,").doesNotContain("Major");
        assertThat(Modals.roles(INCIDENT, NAMES).toString()).contains("text=Incident commander", "text=Communications",
                "text=Scribe").doesNotContain("text=Lead");
        assertThat(Modals.roles(INCIDENT, Names.CODES)).isEqualTo(Modals.roles(INCIDENT));
        assertThat(Modals.roles(INCIDENT).toString()).contains("text=Lead", "text=Comms", "text=Scribe");
    }

    @Test
    void appHomesInsightsEndWithTheSeveritiesNames() {
        io.incidentbot.insights.IncidentStats stats = io.incidentbot.insights.StatsCalculator.compute(List.of(), List.of(),
                Map.of(), AT.minus(Duration.ofDays(30)), AT, java.time.ZoneId.of("UTC"));
        com.slack.api.model.view.View named = HomeTab.view("UBOB00001", List.of(INCIDENT), List.of(), Set.of(), stats, NAMES);
        assertThat(named.getBlocks().get(named.getBlocks().size() - 1).toString()).contains("_SEV2 is Major_");
        assertThat(HomeTab.view("UBOB00001", List.of(INCIDENT), List.of(), Set.of(), stats).toString())
                .doesNotContain(" is Major");
    }
}
