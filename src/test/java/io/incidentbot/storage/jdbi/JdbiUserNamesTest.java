package io.incidentbot.storage.jdbi;

import io.incidentbot.store.Repositories;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JdbiUserNamesTest extends SqliteTest {

    @Test
    void aDisplayNameIsStoredReplacedAndListedByUserId() {
        run(r -> {
            r.userNames().put("U_B", "bob", T0);
            r.userNames().put("U_A", "ann", T0);
            r.userNames().put("U_B", "Bob B.", T0.plusSeconds(60));
        });
        assertThat(storage.read((Repositories r) -> r.userNames().find("U_B"))).contains("Bob B.");
        assertThat(storage.read((Repositories r) -> r.userNames().find("U_NOBODY"))).isEmpty();
        assertThat(storage.read((Repositories r) -> r.userNames().all()).entrySet())
                .containsExactlyElementsOf(Map.of("U_A", "ann", "U_B", "Bob B.").entrySet().stream()
                        .sorted(Map.Entry.comparingByKey()).toList());
    }
}
