package io.incidentbot.trackers.seen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbot.incident.Severity;
import io.incidentbot.trackers.seen.SeenBefore.Audience;
import io.incidentbot.trackers.seen.SeenBefore.Match;
import io.incidentbot.trackers.seen.SeenBefore.Probe;
import io.incidentbot.trackers.seen.SeenBefore.Reason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Seen before" on a fixture of 50 past incidents ({@code trackers/seen-before-incidents.json}) built so that each
 * probe's top 3 is known: 13 incidents are designed to match (or to be near misses), 37 share no meaningful word
 * with any probe.
 */
class SeenBeforeTest {
    private static final String PAYMENTS_GROUP = "{}:{alertname=\"PaymentsErrorRate\"}";
    private static final Audience PUBLIC = new Audience(false, Set.of("U_ONCALL", "U_DANA"));
    private static List<PastIncident> past;
    private final SeenBefore seen = new SeenBefore();

    @BeforeAll
    static void load() throws Exception {
        JsonNode root;
        try (InputStream in = SeenBeforeTest.class.getResourceAsStream("/trackers/seen-before-incidents.json")) {
            root = new ObjectMapper().readTree(in);
        }
        past = new ArrayList<>();
        for (JsonNode n : root.get("incidents")) {
            past.add(new PastIncident(n.get("number").asLong(), n.get("title").asText(), n.get("summary").asText(),
                    Severity.valueOf(n.get("severity").asText()), Instant.parse(n.get("declared").asText()),
                    Instant.parse(n.get("resolved").asText()), n.get("private").asBoolean(), set(n.get("members")),
                    set(n.get("alertGroups")), set(n.get("alerts")), set(n.get("services")), null, List.of()));
        }
        assertThat(past).hasSize(50);
    }

    private static Set<String> set(JsonNode array) {
        Set<String> s = new HashSet<>();
        array.forEach(v -> s.add(v.asText()));
        return s;
    }

    private static Probe probe(String title, Set<String> groups, Set<String> alerts, Set<String> services) {
        return new Probe(99, title, null, groups, alerts, services);
    }

    private static List<Long> numbers(List<Match> matches) {
        return matches.stream().map(m -> m.incident().number()).toList();
    }

    @Test
    void theSameAlertGroupComesFirstThenTheSameAlertOnTheServiceThenTheMostSimilarText() {
        List<Match> top = seen.suggest(probe("Checkout failing for card payments in EU", Set.of(PAYMENTS_GROUP),
                Set.of("PaymentsErrorRate|payments"), Set.of()), PUBLIC, past);
        // 12 shares the alert group, 30 the alert name on the payments service (in another group); 5 has the most
        // similar title; 37 ("Refunds failing for card payments") is similar too but fourth; 41 is identical but private
        assertThat(numbers(top)).containsExactly(12L, 30L, 5L);
        assertThat(top).extracting(Match::reason).containsExactly(Reason.SAME_ALERT_GROUP, Reason.SAME_ALERT, Reason.SIMILAR_TEXT);
    }

    @Test
    void aChangeToTheSameServiceComesBeforeTextSimilarity() {
        List<Match> top = seen.suggest(probe("Postgres primary disk full", Set.of(), Set.of(), Set.of("orders-db")), PUBLIC, past);
        assertThat(numbers(top)).containsExactly(20L, 8L, 27L);
        assertThat(top.get(0).reason()).isEqualTo(Reason.SAME_SERVICE);
    }

    @Test
    void textAloneRanksByCosineSimilarity() {
        List<Match> top = seen.suggest(probe("TLS certificate expired for api gateway", Set.of(), Set.of(), Set.of()), PUBLIC, past);
        assertThat(numbers(top)).containsExactly(15L, 33L, 19L);
        assertThat(top.get(0).text()).isGreaterThan(top.get(1).text());
        assertThat(top.get(2).text()).isGreaterThanOrEqualTo(SeenBefore.TEXT_THRESHOLD);
    }

    @Test
    void nothingIsSuggestedWhenNothingIsSimilarEnough() {
        assertThat(seen.suggest(probe("Grafana dashboards slow to load", Set.of(), Set.of(), Set.of()), PUBLIC, past)).isEmpty();
        // "Checkout page slow" and "Load balancer health checks flapping" share one word each: below the threshold
    }

    @Test
    void aPrivateIncidentIsNeverSuggestedToAChannelWhoseMembersMayNotSeeIt() {
        String title = "Checkout failing for card payments in EU";
        Probe p = probe(title, Set.of(), Set.of(), Set.of());
        assertThat(numbers(seen.suggest(p, PUBLIC, past))).containsExactly(5L, 37L).doesNotContain(41L);
        assertThat(numbers(seen.suggest(p, new Audience(false, Set.of("U_LEGAL")), past)))
                .as("a public channel, even of its members").doesNotContain(41L);
        assertThat(numbers(seen.suggest(p, new Audience(true, Set.of("U_LEGAL", "U_OUTSIDER")), past)))
                .as("a private channel with someone who may not see it").doesNotContain(41L);
        assertThat(numbers(seen.suggest(p, new Audience(true, Set.of("U_LEGAL")), past)))
                .as("a private channel of its members only").containsExactly(41L, 5L, 37L);
        assertThat(numbers(seen.suggest(p, new Audience(true, Set.of()), past))).doesNotContain(41L);
    }

    @Test
    void anIncidentIsNotSuggestedToItselfAndTimeToResolveIsKept() {
        PastIncident five = past.stream().filter(i -> i.number() == 5).findFirst().orElseThrow();
        Probe self = new Probe(5, five.title(), five.summary(), Set.of(), Set.of(), Set.of());
        assertThat(numbers(seen.suggest(self, PUBLIC, past))).doesNotContain(5L);
        assertThat(five.timeToResolve()).isEqualTo(Duration.ofMinutes(150));
    }
}
