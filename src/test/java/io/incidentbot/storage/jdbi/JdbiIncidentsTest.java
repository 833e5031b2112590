package io.incidentbot.storage.jdbi;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Role;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.store.Repositories;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class JdbiIncidentsTest extends SqliteTest {

    @Test
    void incidentNumbersIncreaseByOneWithoutGaps() {
        assertThat(List.of(declare("a"), declare("b"), declare("c"))).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aCreatedIncidentIsInvestigatingWithWhatWasGiven() {
        Incident i = tx(r -> r.incidents().create("Checkout down", Severity.SEV1, true, "500s", "U1", T0));
        assertThat(i.status()).isEqualTo(Status.INVESTIGATING);
        assertThat(incident(i.number())).isEqualTo(i);
        assertThat(i.title()).isEqualTo("Checkout down");
        assertThat(i.privateIncident()).isTrue();
        assertThat(i.summary()).isEqualTo("500s");
        assertThat(i.declaredAt()).isEqualTo(T0);
        assertThat(i.roles()).isEmpty();
    }

    @Test
    void aRoleHasOneHolderAndEachIncidentKeepsItsOwnRoles() {
        long a = declare("a");
        long b = declare("b");
        long c = declare("c");
        run(r -> {
            r.incidents().setRole(a, Role.LEAD, "U_ANN", T0);
            r.incidents().setRole(a, Role.COMMS, "U_BOB", T0);
            r.incidents().setRole(a, Role.LEAD, "U_CID", T0.plusSeconds(60));
            r.incidents().setRole(c, Role.SCRIBE, "U_DAN", T0);
        });
        assertThat(incident(a).roles()).isEqualTo(Map.of(Role.LEAD, "U_CID", Role.COMMS, "U_BOB"));
        assertThat(incident(a).lead()).contains("U_CID");
        assertThat(allIncidents()).extracting(Incident::roles).containsExactly(
                Map.of(Role.LEAD, "U_CID", Role.COMMS, "U_BOB"), Map.of(), Map.of(Role.SCRIBE, "U_DAN"));
        assertThat(incident(b).lead()).isEmpty();
    }

    @Test
    void findByChannelFindsTheIncidentOfThatChannelOnly() {
        long a = declare("a");
        long b = declare("b");
        run(r -> {
            r.incidents().setChannel(a, "C_A", "inc-1-a");
            r.incidents().setChannel(b, "C_B", "inc-2-b");
            r.incidents().setRole(b, Role.LEAD, "U_LEAD", T0);
        });
        Optional<Incident> found = storage.read(r -> r.incidents().findByChannel("C_B"));
        assertThat(found).get().extracting(Incident::number, Incident::channelName, Incident::lead)
                .containsExactly(b, "inc-2-b", Optional.of("U_LEAD"));
        assertThat(storage.read((Repositories r) -> r.incidents().numberOfChannel("C_A"))).contains(a);
        assertThat(storage.read((Repositories r) -> r.incidents().findByChannel("C_OTHER"))).isEmpty();
        assertThat(storage.read((Repositories r) -> r.incidents().numberOfChannel("C_OTHER"))).isEmpty();
    }

    @Test
    void listOpenIsNewestFirstWithoutResolvedAndListAllIsOldestFirst() {
        long a = declare("a");
        long b = declare("b");
        long c = declare("c");
        long d = declare("d");
        run(r -> r.incidents().setStatus(c, Status.RESOLVED, T0, T0, T0.plusSeconds(600)));
        run(r -> r.incidents().setStatus(b, Status.MONITORING, T0, T0.plusSeconds(60), null));
        assertThat(storage.read((Repositories r) -> r.incidents().listOpen())).extracting(Incident::number).containsExactly(d, b, a);
        assertThat(allIncidents()).extracting(Incident::number).containsExactly(a, b, c, d);
    }

    @Test
    void statusTimesSeverityHeaderAndResolutionAreStored() {
        long n = declare("a");
        run(r -> {
            r.incidents().setSeverity(n, Severity.SEV1);
            r.incidents().setHeaderTs(n, "1712345678.000200");
            r.incidents().setStatus(n, Status.RESOLVED, T0.plusSeconds(1), T0.plusSeconds(2), T0.plusSeconds(3));
            r.incidents().setResolutionSummary(n, "rolled back");
        });
        Incident i = incident(n);
        assertThat(i.severity()).isEqualTo(Severity.SEV1);
        assertThat(i.headerTs()).isEqualTo("1712345678.000200");
        assertThat(i.status()).isEqualTo(Status.RESOLVED);
        assertThat(List.of(i.identifiedAt(), i.mitigatedAt(), i.resolvedAt()))
                .containsExactly(T0.plusSeconds(1), T0.plusSeconds(2), T0.plusSeconds(3));
        assertThat(i.resolutionSummary()).isEqualTo("rolled back");
        assertThat(i.isOpen()).isFalse();
    }

    @Test
    void anAlertThatFiredAgainIntoALaterIncidentStartsItsImpactAtTheNewFiringInTheDraftAndInTheStats() {
        java.time.Instant firstFiring = T0.minusSeconds(300);
        java.time.Instant later = T0.plusSeconds(7200);
        java.time.Instant firedAgain = later.minusSeconds(180);
        long first = declare("Payments errors");
        long second = tx(r -> r.incidents().create("Payments errors again", Severity.SEV2, false, null, "U_DECLARER",
                later)).number();
        run(r -> {
            long group = r.alerts().group(io.incidentbot.alerts.AlertSource.ALERTMANAGER, "{}:{alertname=\"PaymentsErrorRate\"}",
                    "Payments error rate", firstFiring);
            java.util.function.BiFunction<io.incidentbot.alerts.AlertStatus, java.time.Instant,
                    io.incidentbot.alerts.Transition> alert = (status, at) -> new io.incidentbot.alerts.Transition(
                    new io.incidentbot.alerts.Alert("fp-1", "PaymentsErrorRate", status, Map.of(), Map.of(), at, null,
                            null, null, null, null), status, at);
            r.alerts().addTransition(group, alert.apply(io.incidentbot.alerts.AlertStatus.FIRING, firstFiring), first, T0);
            r.alerts().addTransition(group, alert.apply(io.incidentbot.alerts.AlertStatus.RESOLVED, T0.plusSeconds(600)),
                    first, T0);
            r.alerts().addTransition(group, alert.apply(io.incidentbot.alerts.AlertStatus.FIRING, firedAgain), second, later);
        });

        Incident inc = incident(second);
        java.time.Instant draft = tx(r -> io.incidentbot.postmortem.PostmortemInput.builder(inc, sink -> { }, java.time.ZoneOffset.UTC)
                .alerts(new io.incidentbot.postmortem.StoredAlerts().spans(r, inc)).build().impactStartedAt());
        Map<Long, java.time.Instant> stats = new java.util.HashMap<>();
        tx(r -> r.insights().declaredIn(T0, later)).forEach(t -> stats.put(t.number(), t.impactStartedAt()));

        assertThat(draft).isEqualTo(firedAgain);
        assertThat(stats).containsEntry(first, firstFiring).containsEntry(second, firedAgain);
    }
}
