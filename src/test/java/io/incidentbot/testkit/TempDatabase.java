package io.incidentbot.testkit;

import io.incidentbot.alerts.Alert;
import io.incidentbot.alerts.AlertSource;
import io.incidentbot.alerts.AlertStatus;
import io.incidentbot.alerts.Transition;
import io.incidentbot.incident.Severity;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import io.incidentbot.store.Repositories;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A JUnit 5 extension that gives each test a migrated SQLite database of its own (a file in a fresh temporary
 * folder, {@link Database#open}), closed and deleted after the test; for tests of repositories and use cases that
 * need no running bot. With {@link #alerted}, the incidents an alert group declared.
 *
 * <pre>{@code
 * @RegisterExtension
 * final TempDatabase db = new TempDatabase();
 * ...
 * db.storage().transaction(r -> TempDatabase.alerted(r, "Payments down", Severity.SEV2, GROUP, Map.of(), T0));
 * }</pre>
 */
public final class TempDatabase implements BeforeEachCallback, AfterEachCallback {
    private Path dir;
    private JdbiStorage storage;

    /**
     * @return this test's database
     * @throws IllegalStateException outside a test
     */
    public JdbiStorage storage() {
        if (storage == null) {
            throw new IllegalStateException("the database is open only during a test");
        }
        return storage;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("incident-bot-db-");
        storage = Database.open(dir.resolve("incidents.db").toString());
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            if (storage != null) {
                storage.close();
                storage = null;
            }
        } finally {
            deleteFolder(dir);
        }
    }

    /** Deletes {@code dir} and everything in it (a test's temporary folder). */
    public static void deleteFolder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * Stores an incident declared by an Alertmanager alert group, as the alert router does: the incident (declared by
     * {@code U1}), the group, its first alert firing at {@code at} (fingerprint {@code fp-<number>}) and the link.
     *
     * @param groupKey Alertmanager's {@code groupKey}, e.g. {@code {}:{alertname="PaymentsErrorRate"}}; the alert's
     *                 name is {@code PaymentsErrorRate}, the group's title "Payments error rate"
     * @param labels   the alert's labels
     * @return the incident's number
     */
    public static long alerted(Repositories r, String title, Severity severity, String groupKey, Map<String, String> labels,
                               Instant at) {
        long n = r.incidents().create(title, severity, false, null, "U1", at).number();
        long group = r.alerts().group(AlertSource.ALERTMANAGER, groupKey, "Payments error rate", at);
        Alert alert = new Alert("fp-" + n, "PaymentsErrorRate", AlertStatus.FIRING, labels, Map.of(), at, null, null, null,
                null, null);
        r.alerts().addTransition(group, new Transition(alert, AlertStatus.FIRING, at), n, at);
        r.alerts().linkIncident(group, n);
        return n;
    }
}
