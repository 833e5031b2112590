package io.incidentbot.process.checklist;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Role;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.process.IncidentType;
import io.incidentbot.process.Process;
import io.incidentbot.process.ProcessFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the items of docs/process.example.yaml's checklists are due: by severity, by status reached, by a field's value
 * (a select's, case aside), all parts together, and at once without a condition.
 */
class ChecklistRulesTest {
    static final Process PROCESS = ProcessFile.read(Path.of("docs/process.example.yaml"));
    static final IncidentType DEFAULT = PROCESS.defaultType();
    static final IncidentType SECURITY = PROCESS.type("security").orElseThrow();

    static Incident incident(Severity severity, Status status) {
        return new Incident(3, "Checkout down", severity, status, false, null, "C1", "inc-3", null, "U1",
                Instant.parse("2026-12-07T10:00:00Z"), null, null, null, null, Map.of(Role.LEAD, "U1"));
    }

    @Test
    void anItemWithoutConditionIsDueOnDeclareAndSeverityItemsOnlyAtTheirSeverities() {
        assertThat(ChecklistRules.due(DEFAULT, incident(Severity.SEV3, Status.INVESTIGATING), Map.of()))
                .as("only 'Assign an incident commander' at SEV3").containsExactly(0);
        assertThat(ChecklistRules.due(DEFAULT, incident(Severity.SEV2, Status.INVESTIGATING), Map.of()))
                .as("'Post a first status update' at SEV2").containsExactly(0, 1);
    }

    @Test
    void aStatusIsDueOnceReachedAndStaysDueLater() {
        assertThat(ChecklistRules.due(DEFAULT, incident(Severity.SEV3, Status.IDENTIFIED), Map.of())).containsExactly(0, 2);
        assertThat(ChecklistRules.due(DEFAULT, incident(Severity.SEV3, Status.MONITORING), Map.of()))
                .as("monitoring comes after identified").containsExactly(0, 2);
    }

    @Test
    void aFieldItemIsDueWhenTheFieldHoldsItsValue() {
        Incident sev3 = incident(Severity.SEV3, Status.INVESTIGATING);
        assertThat(ChecklistRules.due(DEFAULT, sev3, Map.of("customer_impact", "some"))).containsExactly(0);
        assertThat(ChecklistRules.due(DEFAULT, sev3, Map.of("customer_impact", "All"))).containsExactly(0, 3);
        assertThat(ChecklistRules.due(SECURITY, sev3, Map.of("data_exposed", "suspected"))).containsExactly(0, 1);
        assertThat(ChecklistRules.due(SECURITY, sev3, Map.of("data_exposed", "confirmed"))).containsExactly(0, 1, 2);
    }

    @Test
    void everyPartGivenMustHoldAndAMultiSelectHoldsAnyOfItsValues() {
        var when = new io.incidentbot.process.ChecklistItem.Condition(java.util.Set.of(Severity.SEV1), Status.IDENTIFIED,
                Map.of("services", "billing"));
        Map<String, String> fields = Map.of("services", "api\nbilling");
        assertThat(ChecklistRules.holds(when, incident(Severity.SEV1, Status.IDENTIFIED), fields)).isTrue();
        assertThat(ChecklistRules.holds(when, incident(Severity.SEV2, Status.IDENTIFIED), fields)).isFalse();
        assertThat(ChecklistRules.holds(when, incident(Severity.SEV1, Status.INVESTIGATING), fields)).isFalse();
        assertThat(ChecklistRules.holds(when, incident(Severity.SEV1, Status.IDENTIFIED), Map.of("services", "api"))).isFalse();
    }
}
