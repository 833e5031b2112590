package io.incidentbot.storage.jdbi;

import io.incidentbot.incident.FollowUp;
import io.incidentbot.store.Repositories;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JdbiFollowUpsTest extends SqliteTest {

    @Test
    void followUpsAreListedPerIncidentInTheOrderRecorded() {
        long n = declare("a");
        long other = declare("b");
        FollowUp first = tx(r -> r.followUps().add(n, "add an alert", "U_OWNER", "U_LEAD", T0.plusSeconds(9)));
        tx(r -> r.followUps().add(other, "elsewhere", null, "U_LEAD", T0));
        FollowUp second = tx(r -> r.followUps().add(n, "write the runbook", null, "U_LEAD", T0));
        assertThat(second.id()).isGreaterThan(first.id());
        assertThat(storage.read((Repositories r) -> r.followUps().list(n))).containsExactly(
                new FollowUp(first.id(), n, "add an alert", "U_OWNER", "U_LEAD", T0.plusSeconds(9)),
                new FollowUp(second.id(), n, "write the runbook", null, "U_LEAD", T0));
    }
}
