package io.incidentbot.postmortem;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownHelpersTest {
    @Test
    void tableCellsEscapePipesAndJoinLines() {
        assertThat(Md.cell("a | b\r\nc")).isEqualTo("a \\| b c");
        assertThat(Md.cell(" ")).isEqualTo("—");
        assertThat(Md.cell(null)).isEqualTo("—");
    }

    @Test
    void listItemsIndentContinuationLinesAndNeutraliseHeadingsOutsideCode() {
        StringBuilder out = new StringBuilder();
        Md.item(out, 1, "10:00 **A**: ", "first\n# not a heading\n---\n```\n# shell comment\n```\n\nlast  \n");
        assertThat(out).hasToString("  - 10:00 **A**: first\n    \\# not a heading\n    \\---\n    ```\n"
                + "    # shell comment\n    ```\n\n    last\n");
    }

    @Test
    void aMessageThatStartsWithCodeHasItsFenceOnTheNextLine() {
        StringBuilder out = new StringBuilder();
        Md.item(out, 0, "10:00 **A**: ", "```\nls\n```\nok");
        assertThat(out).hasToString("- 10:00 **A**:\n  ```\n  ls\n  ```\n  ok\n");
    }

    @Test
    void topLevelBlocksCannotAddSectionsToTheDraft() {
        assertThat(Md.block("Summary\n## Impact\n===\nok")).isEqualTo("Summary\n\\## Impact\n\\===\nok");
    }

    @Test
    void durationsAreCountedBetweenTheMinutesShown() {
        Instant t = Instant.parse("2026-03-14T21:58:50Z");
        assertThat(Times.duration(t, Instant.parse("2026-03-14T22:01:10Z"))).isEqualTo("3 min");
        assertThat(Times.duration(t, Instant.parse("2026-03-15T01:08:00Z"))).isEqualTo("3 h 10 min");
        assertThat(Times.duration(t, Instant.parse("2026-03-14T23:58:59Z"))).isEqualTo("2 h");
        assertThat(Times.duration(t, t.plusSeconds(5))).isEqualTo("0 min");
        assertThat(Times.duration(t, Instant.parse("2026-03-16T02:00:00Z"))).isEqualTo("1 d 4 h 2 min");
    }

    @Test
    void zonesAreNamedAsReadersKnowThem() {
        assertThat(new Times(ZoneId.of("UTC")).zoneName()).isEqualTo("UTC");
        assertThat(new Times(ZoneOffset.UTC).zoneName()).isEqualTo("UTC");
        assertThat(new Times(ZoneOffset.ofHours(2)).zoneName()).isEqualTo("UTC+02:00");
        assertThat(new Times(ZoneId.of("Europe/Berlin")).zoneName()).isEqualTo("Europe/Berlin");
    }

    @Test
    void unknownUsersAreShownAsSlackMentions() {
        DisplayNames names = new DisplayNames(java.util.Map.of("U1", "Alice", "U2", " "));
        assertThat(names.of("U1")).isEqualTo("Alice");
        assertThat(names.of("U2")).isEqualTo("<@U2>");
        assertThat(names.of("U3")).isEqualTo("<@U3>");
    }
}
