package io.incidentbot.trackers.seen;

import io.incidentbot.changes.Change;
import io.incidentbot.changes.ChangeKind;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Severity;
import io.incidentbot.storage.jdbi.JdbiStorage;
import io.incidentbot.store.Repositories;
import io.incidentbot.trackers.FollowUpState;
import io.incidentbot.testkit.TempDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** "Seen before" read from storage: alert groups, alerts, changed services, members and open follow-ups. */
class SeenBeforeSourceTest {
    private static final Instant T0 = Instant.parse("2026-10-01T10:00:00Z");
    private static final String GROUP = "{}:{alertname=\"PaymentsErrorRate\", service=\"payments\"}";

    @RegisterExtension
    final TempDatabase db = new TempDatabase();
    JdbiStorage storage;
    final SeenBeforeSource source = new SeenBeforeSource(Duration.ofHours(24));

    @BeforeEach
    void open() {
        storage = db.storage();
    }

    private static long alerted(Repositories r, String title, Instant at) {
        return TempDatabase.alerted(r, title, Severity.SEV2, GROUP, Map.of("service", "payments"), at);
    }

    @Test
    void theSameAlertGroupAndAChangedServiceAreFoundAndPrivateIncidentsCarryTheirMembers() {
        long[] n = storage.transaction(r -> {
            long first = alerted(r, "Payments down", T0);
            long id = r.followUps().add(first, "add a PSP timeout alert", "U2", "U1", T0).id();
            long done = r.followUps().add(first, "done already", "U2", "U1", T0).id();
            r.trackers().changeState(done, FollowUpState.DONE, "U2", T0, "slack");
            r.changes().add(new Change("changes", "c1", "Raise pool", "checkout", "production", "ana", null, ChangeKind.CONFIG,
                    T0.plus(Duration.ofDays(3)).minusSeconds(600)), T0);
            long secret = r.incidents().create("Checkout broken after config change", Severity.SEV1, true, null, "U9",
                    T0.plus(Duration.ofDays(3))).number();
            r.participants().add(secret, "U9", T0.plus(Duration.ofDays(3)));
            long fresh = r.incidents().create("Checkout broken after config change", Severity.SEV2, false, null, "U1",
                    T0.plus(Duration.ofDays(10))).number();
            return new long[] {first, secret, fresh, id};
        });
        // the new incident: declared from the same alert group, with a checkout change just before it
        long now = storage.transaction(r -> {
            Instant at = T0.plus(Duration.ofDays(20));
            r.changes().add(new Change("changes", "c2", "Deploy checkout", "checkout", "production", "ana", null,
                    ChangeKind.DEPLOY, at.minusSeconds(60)), at);
            return alerted(r, "Card payments failing", at);
        });

        List<SeenBefore.Match> top = storage.read((Repositories r) -> {
            Incident incident = r.incidents().find(now).orElseThrow();
            SeenBefore.Probe probe = source.probe(r, incident);
            assertThat(probe.alertGroups()).containsExactly(GROUP);
            assertThat(probe.alerts()).containsExactly("PaymentsErrorRate|payments");
            assertThat(probe.services()).containsExactly("checkout");
            List<PastIncident> past = source.past(r, incident);
            assertThat(past).extracting(PastIncident::number).containsExactly(n[2], n[1], n[0]);
            PastIncident secret = past.get(1);
            assertThat(secret.privateIncident()).isTrue();
            assertThat(secret.members()).containsExactly("U9");
            assertThat(past.get(2).openFollowUps()).extracting(f -> f.id()).containsExactly(n[3]);
            return new SeenBefore().suggest(probe, new SeenBefore.Audience(false, Set.of("U1")), past);
        });
        assertThat(top).extracting(m -> m.incident().number()).containsExactly(n[0]);
        assertThat(top.get(0).reason()).isEqualTo(SeenBefore.Reason.SAME_ALERT_GROUP);
        // the private incident had the checkout change too, but the public channel may not see it
    }
}
