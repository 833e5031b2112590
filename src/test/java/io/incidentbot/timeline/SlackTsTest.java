package io.incidentbot.timeline;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Slack's {@code ts} strings (epoch seconds, a dot, microseconds) to instants and back. */
class SlackTsTest {
    @Test
    void aTsKeepsItsMicrosecondsBothWays() {
        Instant at = SlackTs.toInstant("1712345678.000200");
        assertThat(at).isEqualTo(Instant.ofEpochSecond(1712345678L, 200_000));
        assertThat(SlackTs.fromInstant(at)).isEqualTo("1712345678.000200");
    }

    @Test
    void shorterFractionsAndWholeSecondsAreRead() {
        assertThat(SlackTs.toInstant("1712345678.5")).isEqualTo(Instant.ofEpochSecond(1712345678L, 500_000_000));
        assertThat(SlackTs.toInstant("1712345678")).isEqualTo(Instant.ofEpochSecond(1712345678L));
    }

    @Test
    void anythingElseIsRefused() {
        for (String bad : new String[] {"", "abc", "1712345678.", "1712345678.1234567", "-1.000001", "1.2.3"}) {
            assertThatThrownBy(() -> SlackTs.toInstant(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> SlackTs.toInstant(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
