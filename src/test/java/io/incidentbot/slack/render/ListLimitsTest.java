package io.incidentbot.slack.render;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: {@code /incident list} with 160 open incidents answered 41,843 characters, over Slack's 40,000
 * for a message's text. The list stays under the limit and says how many incidents it left out.
 */
class ListLimitsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void oneHundredSixtyOpenIncidentsStayUnderSlacksLimitAndTheRestAreCounted() {
        List<Incident> open = new ArrayList<>();
        for (long n = 160; n >= 1; n--) {
            open.add(new Incident(n, "Checkout latency above SLO in eu-west-1 after the " + n
                    + "th deploy of the payments gateway with a very long descriptive title indeed " + "x".repeat(100),
                    Severity.SEV2, Status.INVESTIGATING, false, null, "C" + (1000 + n), "inc-" + n, null, "UALICE001",
                    NOW.minusSeconds(3600 * n), null, null, null, null, Map.of()));
        }

        String text = Messages.list(open, Map.of(), NOW);

        assertThat(text.length()).isLessThan(40_000).isLessThanOrEqualTo(Messages.LIST_MAX_CHARS);
        int shown = (int) text.lines().filter(l -> l.startsWith("• *")).count();
        assertThat(shown).isBetween(20, 159);
        assertThat(text).contains("*160*").endsWith("_…and " + (160 - shown) + " more open incident(s) not shown; the oldest are left out._");
    }

    @Test
    void aShortListIsShownWhole() {
        Incident one = new Incident(1, "Small", Severity.SEV3, Status.IDENTIFIED, false, null, "C1", "inc-1", null,
                "UALICE001", NOW.minusSeconds(60), null, null, null, null, Map.of());
        assertThat(Messages.list(List.of(one), Map.of(), NOW)).contains("*1* SEV3 Small").doesNotContain("not shown");
    }
}
