package io.incidentbot.storage.jdbi;

import io.incidentbot.outbox.TestClock;
import io.incidentbot.slack.http.ReplayGuard;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ReplayGuard} on a real SQLite file: one use per signature within the window, forgotten after it. */
class ReplayGuardTest extends SqliteTest {
    private static final String SIGNATURE = "v0=" + "a1".repeat(32);

    @Test
    void aSignatureActsOnceAndAgainOnlyAfterItWasForgotten() {
        ReplayGuard guard = new ReplayGuard(new io.incidentbot.store.RequestReplays(storage), new TestClock(Instant.parse("2026-11-27T10:00:00Z")));

        assertThat(guard.firstUse(SIGNATURE)).isTrue();
        assertThat(guard.firstUse(SIGNATURE)).isFalse();
        guard.forget(SIGNATURE); // the request failed on our side (5xx): Slack's retry may act
        assertThat(guard.firstUse(SIGNATURE)).isTrue();
        assertThat(guard.firstUse("v0=" + "b2".repeat(32))).isTrue();
    }

    @Test
    void signaturesArePrunedOnceTheyCanNoLongerPassTheTimestampCheck() {
        TestClock clock = new TestClock(Instant.parse("2026-11-27T10:00:00Z"));
        ReplayGuard guard = new ReplayGuard(new io.incidentbot.store.RequestReplays(storage), clock);
        guard.firstUse(SIGNATURE);

        clock.advance(Duration.ofMinutes(10));
        assertThat(guard.firstUse("v0=" + "c3".repeat(32))).isTrue();
        assertThat(guard.firstUse(SIGNATURE)).as("10 minutes later: still remembered").isFalse();
        clock.advance(ReplayGuard.KEEP);
        guard.firstUse("v0=" + "d4".repeat(32)); // prunes (at most once a minute) in its transaction

        assertThat(guard.firstUse(SIGNATURE)).as("pruned after " + ReplayGuard.KEEP).isTrue();
    }
}
