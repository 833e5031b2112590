package io.incidentbot.storage.jdbi;

import io.incidentbot.store.EventLog.PendingChange;
import io.incidentbot.store.Repositories;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JdbiEventLogTest extends SqliteTest {

    @Test
    void anEventIdIsProcessedOnceAndARedeliveryIsRecognised() {
        assertThat(tx((Repositories r) -> r.events().markProcessed("Ev01", T0))).isTrue();
        assertThat(tx((Repositories r) -> r.events().markProcessed("Ev01", T0.plusSeconds(60)))).isFalse();
        assertThat(tx((Repositories r) -> r.events().markProcessed("Ev02", T0))).isTrue();
    }

    @Test
    void pendingChangesOfAMessageAreTakenOnceOldestFirst() {
        PendingChange edit2 = new PendingChange("C1", "1712345678.000100", PendingChange.EDIT, "v2", T0.plusSeconds(2));
        PendingChange edit1 = new PendingChange("C1", "1712345678.000100", PendingChange.EDIT, "v1", T0.plusSeconds(1));
        PendingChange pin = new PendingChange("C1", "1712345678.000100", PendingChange.PIN_ON, null, T0.plusSeconds(1));
        PendingChange otherTs = new PendingChange("C1", "1712345678.000200", PendingChange.DELETE, null, T0);
        PendingChange otherChannel = new PendingChange("C2", "1712345678.000100", PendingChange.DELETE, null, T0);
        run(r -> List.of(edit2, edit1, pin, otherTs, otherChannel).forEach(r.events()::addPending));

        assertThat(tx((Repositories r) -> r.events().takePending("C1", "1712345678.000100"))).containsExactly(edit1, pin, edit2);
        assertThat(tx((Repositories r) -> r.events().takePending("C1", "1712345678.000100"))).isEmpty();
        assertThat(tx((Repositories r) -> r.events().takePending("C2", "1712345678.000100"))).containsExactly(otherChannel);
        assertThat(tx((Repositories r) -> r.events().takePending("C1", "1712345678.000200"))).containsExactly(otherTs);
    }
}
