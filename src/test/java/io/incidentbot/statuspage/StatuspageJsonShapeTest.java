package io.incidentbot.statuspage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our {@code /api/v2/*.json} compared field by field with Atlassian Statuspage's documented examples
 * ({@code src/test/resources/statuspage/*.json}, source named in each file's {@code _source}): every field the example
 * has, at every depth, is present in ours with the same JSON type (a {@code null} in the example allows any type),
 * and every array the example fills is filled in ours too, so no comparison is vacuous.
 */
class StatuspageJsonShapeTest {
    @TempDir
    Path dir;
    StatusPageFixture page;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void fill() throws Exception {
        page = new StatusPageFixture(dir);
        var api = page.service.addComponent("API");
        page.service.addComponent("Management Portal");
        long resolved = page.declare("old", false);
        page.service.publish(resolved, new StatusPageService.Publication("Earlier outage", PublicStatus.INVESTIGATING,
                Map.of(api.id(), ComponentState.PARTIAL_OUTAGE), "Looking"), "U1");
        page.clock.advance(Duration.ofMinutes(20));
        page.service.resolve(resolved, "Fixed", "U1");
        long open = page.declare("now", false);
        page.service.publish(open, new StatusPageService.Publication("Unplanned Database Outage", PublicStatus.IDENTIFIED,
                Map.of(api.id(), ComponentState.MAJOR_OUTAGE), "Ham sandwiches"), "U1");
        page.service.scheduleMaintenance("Network Maintenance", "No interruption expected", page.clock.instant().plusSeconds(3600),
                page.clock.instant().plusSeconds(7200), List.of("API"), "U1");
        page.service.scheduleMaintenance("Web Tier Recycle", "Rolling upgrades", page.clock.instant().minusSeconds(60),
                page.clock.instant().plusSeconds(7200), List.of("Management Portal"), "U1");
    }

    @AfterEach
    void stop() {
        page.close();
    }

    @ParameterizedTest
    @CsvSource({
            "summary.json, /api/v2/summary.json",
            "status.json, /api/v2/status.json",
            "components.json, /api/v2/components.json",
            "incidents.json, /api/v2/incidents.json",
            "incidents-unresolved.json, /api/v2/incidents/unresolved.json",
            "scheduled-maintenances.json, /api/v2/scheduled-maintenances.json"})
    void hasEveryFieldOfStatuspagesDocumentedExampleWithTheSameType(String example, String path) throws Exception {
        JsonNode documented;
        try (InputStream in = getClass().getResourceAsStream("/statuspage/" + example)) {
            documented = json.readTree(in);
        }
        assertThat(documented.get("_source").asText()).contains("Statuspage");
        ((com.fasterxml.jackson.databind.node.ObjectNode) documented).remove("_source");
        JsonNode ours = json.readTree(page.get(path).body());
        List<String> problems = new ArrayList<>();
        compare("", documented, ours, problems);
        assertThat(problems).isEmpty();
        assertThat(ours.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(() -> documented.fieldNames());
    }

    private static void compare(String at, JsonNode doc, JsonNode ours, List<String> problems) {
        if (doc.isNull()) {
            return;
        }
        if (ours == null || ours.isMissingNode()) {
            problems.add(at + ": missing");
            return;
        }
        if (ours.isNull()) {
            problems.add(at + ": null where Statuspage has " + doc.getNodeType());
            return;
        }
        if (doc.getNodeType() != ours.getNodeType()) {
            problems.add(at + ": " + ours.getNodeType() + " where Statuspage has " + doc.getNodeType());
            return;
        }
        if (doc.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode mine = ours.get(e.getKey());
                if (mine == null) {
                    problems.add(at + "/" + e.getKey() + ": missing");
                } else {
                    compare(at + "/" + e.getKey(), e.getValue(), mine, problems);
                }
            }
        } else if (doc.isArray() && !doc.isEmpty()) {
            if (ours.isEmpty()) {
                problems.add(at + ": empty where Statuspage's example has items (fill the fixture)");
            }
            for (int i = 0; i < ours.size(); i++) {
                compare(at + "/" + i, doc.get(0), ours.get(i), problems);
            }
        }
    }
}
