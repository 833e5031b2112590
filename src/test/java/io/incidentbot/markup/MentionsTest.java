package io.incidentbot.markup;

import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Users named in command entries are stored as neutral tokens and shown as Slack mentions. */
class MentionsTest {
    private static TimelineEntry entry(EntryKind kind, String text) {
        return new TimelineEntry(1, 1, kind, Instant.EPOCH, null, null, "UALICE001", text, null, false, false, List.of());
    }

    @Test
    void commandEntriesShowTheirUsersAsMentionsAsTheyDidWhenTheMentionWasStored() {
        assertThat(Mentions.inEntry(entry(EntryKind.ROLE_CHANGE, "comms: " + TimelineEntry.userToken("UDAVE0001"))))
                .isEqualTo("comms: <@UDAVE0001>");
        assertThat(Mentions.inEntry(entry(EntryKind.FOLLOW_UP, "Add an alert (owner " + TimelineEntry.userToken("W0B") + ")")))
                .isEqualTo("Add an alert (owner <@W0B>)");
        assertThat(Mentions.inEntry(entry(EntryKind.ROLE_CHANGE, "comms: <@U02BOB>")))
                .as("entries stored before the token").isEqualTo("comms: <@U02BOB>");
    }

    @Test
    void messageTextsAreTheAuthorsAndStayAsTheyAre() {
        assertThat(Mentions.inEntry(entry(EntryKind.MESSAGE, "literally @{U123} and <@U9|bob>")))
                .isEqualTo("literally @{U123} and <@U9|bob>");
    }

    @Test
    void theOneMentionPatternReadsEscapedAndPlainMentions() {
        assertThat(Mentions.user("<@U1|alice>")).contains("U1");
        assertThat(Mentions.user("<@UBOB00001>")).contains("UBOB00001");
        assertThat(Mentions.user("@bob")).isEmpty();
        assertThat(Mentions.trailingUser("fix alerts <@U1|bob>")).containsExactly("fix alerts", "U1");
    }
}
