package io.incidentbot.ops;

import io.incidentbot.outbox.TestClock;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A 401 storm writes one WARN line a minute per endpoint, and the next line says how many were left out. */
class RateLimitedLogTest {

    @Test
    void oneLineAMinutePerKeyThenTheCountOfThoseLeftOut() {
        TestClock clock = new TestClock(Instant.parse("2026-12-07T12:00:00Z"));
        RateLimitedLog refusals = new RateLimitedLog(LoggerFactory.getLogger(RateLimitedLogTest.class), Duration.ofMinutes(1), clock);
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < 5000; i++) {
                refusals.warn("/hooks/alertmanager", "refused {} from {}", "/hooks/alertmanager", "203.0.113.9");
                clock.advance(Duration.ofMillis(100));
            }
            refusals.warn("/hooks/github", "refused {} from {}", "/hooks/github", "203.0.113.9");

            assertThat(log.events(RateLimitedLogTest.class, "refused /hooks/alertmanager")).extracting(e -> e.getFormattedMessage())
                    .containsExactly("refused /hooks/alertmanager from 203.0.113.9",
                            "refused /hooks/alertmanager from 203.0.113.9 (599 more like it since 2026-12-07T12:00:00Z)",
                            "refused /hooks/alertmanager from 203.0.113.9 (599 more like it since 2026-12-07T12:01:00Z)",
                            "refused /hooks/alertmanager from 203.0.113.9 (599 more like it since 2026-12-07T12:02:00Z)",
                            "refused /hooks/alertmanager from 203.0.113.9 (599 more like it since 2026-12-07T12:03:00Z)",
                            "refused /hooks/alertmanager from 203.0.113.9 (599 more like it since 2026-12-07T12:04:00Z)",
                            "refused /hooks/alertmanager from 203.0.113.9 (599 more like it since 2026-12-07T12:05:00Z)",
                            "refused /hooks/alertmanager from 203.0.113.9 (599 more like it since 2026-12-07T12:06:00Z)",
                            "refused /hooks/alertmanager from 203.0.113.9 (599 more like it since 2026-12-07T12:07:00Z)");
            assertThat(log.events(RateLimitedLogTest.class, "refused /hooks/github")).as("another key is not held back").hasSize(1);
        }
    }
}
