package io.incidentbot.alerts;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.outbox.TestClock;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import io.incidentbot.testkit.TestPostgres;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas (each its own {@link Database#open}: pool, Flyway run, services) on one fresh PostgreSQL
 * database receive the first declaring notifications of one alert group at the same instant.
 */
class AlertServiceOnPostgresTest {
    private static final Instant NOW = Instant.parse("2026-11-27T15:00:00Z");
    private static final String BOT = "UBOT00001";
    private static final String GROUP = "{}/{}:{alertname=\"CheckoutErrors\"}";

    private String url;
    private final List<JdbiStorage> opened = new ArrayList<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @BeforeEach
    void freshDatabase() {
        url = TestPostgres.createDatabase();
    }

    @AfterEach
    void dropDatabase() {
        threads.shutdownNow();
        opened.forEach(JdbiStorage::close);
        TestPostgres.drop(url);
    }

    private static AlertNotification notification(String fingerprint, String instance, String severity) {
        Map<String, String> labels = Map.of("alertname", "CheckoutErrors", "instance", instance, "severity", severity);
        Alert a = new Alert(fingerprint, "CheckoutErrors", AlertStatus.FIRING, labels, Map.of(),
                NOW.minusSeconds(60), null, "http://prometheus.example.org/graph", null, null, null);
        return new AlertNotification(AlertSource.ALERTMANAGER, GROUP, AlertStatus.FIRING,
                Map.of("alertname", "CheckoutErrors"), Map.of("summary", "Checkout errors"), null, 0, List.of(a));
    }

    /**
     * A replica's alert use cases. Its bot user ID is asked for first when a declare is due, inside the
     * transaction and after the group was read: the replica waits there (once) for the other one, so that
     * both have seen "no incident" before either declares. A replica that a row lock holds back before
     * that point never arrives; the other then goes on after the barrier's timeout.
     */
    private AlertService replica(CyclicBarrier lineUp) {
        JdbiStorage storage = Database.open(url);
        opened.add(storage);
        TestClock clock = new TestClock(NOW);
        ThreadLocal<Boolean> waited = ThreadLocal.withInitial(() -> false);
        Supplier<String> botUser = () -> {
            if (!waited.get()) {
                waited.set(true);
                try {
                    lineUp.await(5, TimeUnit.SECONDS);
                } catch (TimeoutException | BrokenBarrierException e) {
                    // the other replica waits on a row lock (or went first): nothing to line up with
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return BOT;
        };
        io.incidentbot.incident.Transactions units = io.incidentbot.testkit.Units.slack(storage, clock, false);
        return new AlertService(units, new IncidentService(units),
                new AlertRouter(LabelMatchers.defaults(), true, clock), botUser);
    }

    @Test
    void twoReplicasReceivingTheFirstFiringOfAnExistingGroupAtOnceDeclareOneIncident() throws Exception {
        CyclicBarrier lineUp = new CyclicBarrier(2);
        AlertService a = replica(lineUp);
        AlertService b = replica(lineUp);
        // The group exists already, from a warning that went to the alerts channel, with no incident.
        assertThat(a.receive(notification("0000000000000001", "web-1", "warning")).route()).isEqualTo("alerts_channel");

        Future<AlertService.Receipt> first = threads.submit(() -> a.receive(notification("0000000000000002", "web-2",
                "critical")));
        Future<AlertService.Receipt> second = threads.submit(() -> b.receive(notification("0000000000000003", "web-3",
                "critical")));
        List<AlertService.Receipt> receipts = List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));

        JdbiStorage storage = opened.get(0);
        List<Incident> incidents = storage.read(r -> r.incidents().listAll());
        assertThat(incidents).as("one incident for one alert group").hasSize(1);
        long number = incidents.get(0).number();
        assertThat(receipts).extracting(AlertService.Receipt::route).containsExactlyInAnyOrder("declare", "timeline");
        assertThat(receipts).extracting(AlertService.Receipt::incident).containsOnly(number);
        java.util.Optional<io.incidentbot.store.AlertRepository.Group> linked = storage.read(r -> r.alerts()
                .findByIncident(number));
        assertThat(linked).map(io.incidentbot.store.AlertRepository.Group::groupKey).contains(GROUP);
        List<TimelineEntry> alerts = storage.read(r -> r.timeline().list(number)).stream()
                .filter(e -> e.kind() == EntryKind.ALERT).toList();
        assertThat(alerts).as("both critical alerts are on the one incident's timeline").hasSize(2);
    }
}
