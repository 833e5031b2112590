package io.incidentbot.postmortem;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The picture's message bars: counted in bounded memory however long the incident. */
class ActivityHistogramChartTest {
    private static final Instant START = Instant.parse("2026-03-14T20:17:00Z");

    @Test
    void twoHundredThousandMessagesOverNineDaysFitInAtMostOneHundredTwentyIntervals() {
        ActivityHistogram h = new ActivityHistogram();
        for (int i = 0; i < 200_000; i++) {
            h.add(START.plusMillis(i * 3_888L)); // 9 days
        }

        ChartInput.Activity a = h.result(START);

        assertThat(a.counts()).hasSizeLessThanOrEqualTo(ActivityHistogram.MAX_BUCKETS);
        assertThat(a.counts().stream().mapToInt(Integer::intValue).sum()).isEqualTo(200_000);
        assertThat(a.bucket()).isEqualTo(Duration.ofHours(2));
        assertThat(a.from()).isEqualTo(Instant.parse("2026-03-14T20:00:00Z"));
    }

    @Test
    void messagesLandInTheIntervalOfTheirTimeAfterWidening() {
        ActivityHistogram h = new ActivityHistogram();
        h.add(START);                            // 20:17 -> 20:15-20:20 once 5 min wide
        h.add(START.plusSeconds(60));            // 20:18
        h.add(START.plusSeconds(3 * 3600));      // 23:17: past 120 one-minute intervals, so 5 min wide

        ChartInput.Activity a = h.result(START);

        assertThat(a.bucket()).isEqualTo(Duration.ofMinutes(5));
        assertThat(a.counts().get(3)).isEqualTo(2);
        assertThat(a.counts().get(39)).isEqualTo(1);
        assertThat(a.counts()).hasSize(40);
        assertThat(a.start(39)).isEqualTo(Instant.parse("2026-03-14T23:15:00Z"));
    }
}
