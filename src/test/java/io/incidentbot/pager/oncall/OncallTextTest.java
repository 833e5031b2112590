package io.incidentbot.pager.oncall;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code /incident oncall} says. */
class OncallTextTest {
    @Test
    void eachRotationShowsWhoIsOnCallNowAndWhoIsNextFromWhen() {
        String text = OncallText.render(OncallFile.parse("oncall.yml", OncallFileTest.GOOD), Instant.parse("2026-01-13T12:00:00Z"));
        assertThat(text).isEqualTo("""
                On call now:
                • *primary*: <@U0BBBBBBB> now, <@U0CCCCCCC> from <!date^1768809600^{date_short_pretty} {time}|2026-01-19T08:00:00Z>
                • *secondary*: <@U0DDDDDDD> now""");
    }

    @Test
    void withoutAFileItSaysSo() {
        assertThat(OncallText.render(null, Instant.EPOCH)).contains("INCIDENT_ONCALL_FILE");
    }
}
