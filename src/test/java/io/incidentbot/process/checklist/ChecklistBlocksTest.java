package io.incidentbot.process.checklist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.util.json.GsonFactory;
import io.incidentbot.incident.Role;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.process.slack.ChecklistBlocks;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The checklist message within Block Kit's limits: at most 10 checkboxes per element, ticked ones shown as ticked. */
class ChecklistBlocksTest {
    static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void twelveItemsAreSplitIntoTwoCheckboxGroupsAndTickedOnesAreInitialOptions() throws Exception {
        List<ChecklistEntry> entries = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            entries.add(new ChecklistEntry(3, i, "Response", "Step " + i + " <b>", i == 0 ? "Say what & who" : null,
                    i == 1 ? "https://runbooks.example.com/rollback" : null, i == 2 ? Role.COMMS : i == 0 ? Role.LEAD : null,
                    i == 0, T, i == 11 ? "UBOB00001" : null, i == 11 ? T.plusSeconds(60) : null));
        }
        var incident = ChecklistRulesTest.incident(Severity.SEV2, Status.INVESTIGATING);
        JsonNode blocks = new ObjectMapper().readTree(GsonFactory.createSnakeCase()
                .toJson(ChecklistBlocks.blocks(ChecklistRulesTest.PROCESS, incident, entries)));
        assertThat(blocks).hasSize(5);
        assertThat(blocks.get(0).at("/text/text").asText()).contains("Checklist of incident 3: 1 of 12 done");
        assertThat(blocks.get(2).at("/block_id").asText()).isEqualTo("checklist:3:0");
        assertThat(blocks.get(2).at("/elements/0/type").asText()).isEqualTo("checkboxes");
        assertThat(blocks.get(2).at("/elements/0/options")).hasSize(10);
        assertThat(blocks.get(2).at("/elements/0/initial_options").isMissingNode()).isTrue();
        assertThat(blocks.get(4).at("/elements/0/options")).hasSize(2);
        assertThat(blocks.get(4).at("/elements/0/initial_options/0/value").asText()).isEqualTo("11");
        assertThat(blocks.get(2).at("/elements/0/options/0/text/text").asText()).as("required marked").isEqualTo("Step 0 <b> *");
        String details = blocks.get(1).at("/text/text").asText();
        assertThat(details).contains("• *Step 0 &lt;b&gt;*: Say what &amp; who · Responsible: Incident commander <@U1>")
                .contains("<https://runbooks.example.com/rollback|Runbook>")
                .contains("Responsible: Communications (nobody yet)");
        assertThat(blocks.get(3).at("/text/text").asText()).contains("done by <@UBOB00001> <!date^" + T.plusSeconds(60).getEpochSecond());
    }
}
