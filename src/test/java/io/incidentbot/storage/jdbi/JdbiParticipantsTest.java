package io.incidentbot.storage.jdbi;

import io.incidentbot.incident.Participant;
import io.incidentbot.store.Repositories;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JdbiParticipantsTest extends SqliteTest {

    @Test
    void aParticipantKeepsTheEarliestTimeSeenWhateverTheOrderAndTheListIsByFirstAppearance() {
        long n = declare("a");
        long other = declare("b");
        run(r -> {
            r.participants().add(n, "U_LATE", T0.plusSeconds(50));
            r.participants().add(n, "U_EARLY", T0.plusSeconds(20));
            r.participants().add(n, "U_EARLY", T0.plusSeconds(10));
            r.participants().add(n, "U_EARLY", T0.plusSeconds(30));
            r.participants().add(n, "U_TIE", T0.plusSeconds(50));
            r.participants().add(other, "U_ELSEWHERE", T0);
        });
        assertThat(storage.read((Repositories r) -> r.participants().list(n))).containsExactly(
                new Participant(n, "U_EARLY", T0.plusSeconds(10)),
                new Participant(n, "U_LATE", T0.plusSeconds(50)),
                new Participant(n, "U_TIE", T0.plusSeconds(50)));
    }
}
