package io.incidentbot.postmortem;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Role;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text from the channel cannot break the draft's Markdown: a lone code fence in a summary or a message
 * does not swallow the sections after it, the title line is escaped, and links Slack wrote inside code
 * show as their bare address.
 */
class MarkdownBreakoutTest {
    private static final String ALICE = "U01ALICE";
    private static final ZoneId UTC = ZoneId.of("UTC");

    private static Instant at(String t) {
        return Instant.parse(t + "Z");
    }

    private static String render(Incident incident, List<TimelineEntry> entries) throws IOException {
        StringWriter out = new StringWriter();
        PostmortemRenderer.render(PostmortemInput.builder(incident, entries::forEach, UTC)
                .displayNames(Map.of(ALICE, "Alice Chen")).build(), out);
        return out.toString();
    }

    private static Incident incident(String title, String summary) {
        return new Incident(7, title, Severity.SEV2, Status.RESOLVED, false, summary, "C7", "inc-7-x", null, ALICE,
                at("2026-05-02T09:00:00"), null, null, at("2026-05-02T10:00:00"), null, Map.of(Role.LEAD, ALICE));
    }

    /** A pinned message: a key event, so it shows in "Timeline of key events", which later sections follow. */
    private static TimelineEntry message(String time, String ts, String text) {
        return new TimelineEntry(0, 7, EntryKind.MESSAGE, at(time), ts, null, ALICE, text, null, false, true, List.of());
    }

    /**
     * Reads the draft as CommonMark does: a fence of backticks or tildes opens a block that only a fence
     * of the same character closes; every section heading must be outside code, and no block left open.
     */
    private static void assertEverySectionOutsideCode(String draft) {
        String open = null;
        int headings = 0;
        for (String line : draft.split("\n")) {
            String s = line.stripLeading();
            String fence = s.startsWith("```") ? "```" : s.startsWith("~~~") ? "~~~" : null;
            if (fence != null && (open == null || open.equals(fence))) {
                open = open == null ? fence : null;
            } else if (line.startsWith("## ")) {
                assertThat(open).as("section %s is inside a code block", line).isNull();
                headings++;
            }
        }
        assertThat(open).as("a code block is left open").isNull();
        assertThat(headings).isGreaterThanOrEqualTo(9);
    }

    @Test
    void aLoneFenceInTheSummaryDoesNotSwallowTheLaterSections() throws IOException {
        String draft = render(incident("Checkout down", "Started with:\n```\nERROR disk full, and never closed"), List.of());

        assertEverySectionOutsideCode(draft);
        assertThat(draft).contains("## Follow-ups").contains("## Appendix");
    }

    @Test
    void aLoneFenceInAMessageDoesNotSwallowTheLaterSections() throws IOException {
        String draft = render(incident("Checkout down", null), List.of(
                message("2026-05-02T09:05:00", "1777712700.000100", "stack trace:\n```\nat Foo.bar pasted without its end"),
                message("2026-05-02T09:06:00", "1777712760.000100", "~~~ also a fence"),
                message("2026-05-02T09:07:00", "1777712820.000100", "after it")));

        assertEverySectionOutsideCode(draft);
        assertThat(draft).contains("after it");
    }

    @Test
    void theTitleLineIsEscaped() throws IOException {
        String draft = render(incident("Fix *all* [the](javascript:x) <b>things</b> & `ls` ##", null), List.of());

        assertThat(draft.lines().findFirst().orElseThrow()).isEqualTo(
                "# Incident 7: Fix \\*all\\* \\[the\\](javascript:x) \\<b\\>things\\</b\\> \\& \\`ls\\` \\#\\#");
    }

    @Test
    void slackLinksInsideCodeShowAsTheBareAddress() throws IOException {
        assertThat(SlackMarkup.toMarkdown("curl `<http://x.example/health>` and ```wget <https://y.example/a?b=1&amp;c=2|https://y.example/a?b=1&amp;c=2>```",
                new DisplayNames(Map.of())))
                .isEqualTo("curl `http://x.example/health` and\n```\nwget https://y.example/a?b=1&c=2\n```");
    }
}
