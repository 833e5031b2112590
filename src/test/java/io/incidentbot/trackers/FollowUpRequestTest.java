package io.incidentbot.trackers;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FollowUpRequestTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-12-07");

    private static FollowUpRequest parse(String text) {
        return FollowUpRequest.parse(text, TODAY);
    }

    @Test
    void theTextAloneStillWorks() {
        assertThat(parse("add an alert on queue depth")).isEqualTo(new FollowUpRequest("add an alert on queue depth", null, null, null));
        assertThat(parse("add an alert <@U0SAM|sam>")).isEqualTo(new FollowUpRequest("add an alert", "U0SAM", null, null));
    }

    @Test
    void ownerDueDateAndPriorityComeFromTheEndInAnyOrder() {
        FollowUpRequest expected = new FollowUpRequest("add an alert", "U0SAM", LocalDate.parse("2026-12-20"), 1);
        assertThat(parse("add an alert <@U0SAM> due 2026-12-20 p1")).isEqualTo(expected);
        assertThat(parse("add an alert p1 due 2026-12-20 <@U0SAM|sam>")).isEqualTo(expected);
        assertThat(parse("add an alert due 2026-12-20 P1 <@U0SAM>")).isEqualTo(expected);
    }

    @Test
    void inDaysOrWeeksCountsFromToday() {
        assertThat(parse("write the runbook in 2w").due()).isEqualTo(LocalDate.parse("2026-12-21"));
        assertThat(parse("write the runbook due in 10d p3").due()).isEqualTo(LocalDate.parse("2026-12-17"));
        assertThat(parse("write the runbook in 3 days").due()).isEqualTo(LocalDate.parse("2026-12-10"));
    }

    @Test
    void optionLikeWordsInsideTheTextStayText() {
        assertThat(parse("fix the p1 alert routing")).isEqualTo(new FollowUpRequest("fix the p1 alert routing", null, null, null));
        assertThat(parse("p2")).isEqualTo(new FollowUpRequest("p2", null, null, null));
        assertThat(parse("review <@U0ANA> findings").owner()).isNull();
    }

    @Test
    void aBadOrPastDueDateAndAnEmptyTextAreRefusedWithASentence() {
        assertThatThrownBy(() -> parse("add an alert due tomorrow")).hasMessage("\"due tomorrow\" is not a date: write due 2026-12-20 or in 2w");
        assertThatThrownBy(() -> parse("add an alert due 2026-13-40")).hasMessageContaining("is not a date");
        assertThatThrownBy(() -> parse("add an alert due 2026-12-01")).hasMessage("The due date 2026-12-01 is in the past");
        assertThatThrownBy(() -> parse("  ")).hasMessageStartingWith("A follow-up needs a text");
    }
}
