package io.incidentbot.postmortem;

import io.incidentbot.incident.Severity;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 25: with a process file that renames severities and roles, the draft's severity facts (Impact, the declared and
 * severity change key events), its role change key events, the timeline picture's severity labels and a team template's fields use the file's names,
 * the code first ({@code SEV2 Major}); the sample incident (declared SEV2, raised to SEV1 at 23:20) without names reads
 * as its golden file.
 */
class NamedDraftTest {
    private static final PostmortemInput SAMPLE = SampleIncident.input(ZoneId.of("UTC"));
    private static final PostmortemInput NAMED = SAMPLE.toBuilder()
            .names(Map.of("SEV1", "Critical", "SEV2", "Major_", "lead", "Incident commander", "comms", "Communications")).build();

    @TempDir
    Path dir;

    @Test
    void theDraftsSeverityFactsAndKeyEventsNameTheSeverities() throws IOException {
        StringBuilder out = new StringBuilder();
        PostmortemRenderer.render(NAMED, out);

        assertThat(out.toString()).contains(
                "- **Severity:** SEV1 Critical (declared SEV2 Major\\_; SEV2 Major\\_ → SEV1 Critical at 2026-03-14 23:20)\n",
                "**Alice Chen**: Declared SEV2 Major\\_: Orders DB failover\n",
                "**Alice Chen**: Severity SEV2 Major\\_ → SEV1 Critical\n",
                "**Alice Chen**: Assigned Communications (comms): @Bob Li | EU on-call\n",
                "| Severity | SEV1 Critical |", "| Incident commander | Alice Chen |");
        StringBuilder codes = new StringBuilder();
        PostmortemRenderer.render(SAMPLE, codes);
        assertThat(codes.toString()).contains("- **Severity:** SEV1 (declared SEV2; SEV2 → SEV1 at 2026-03-14 23:20)\n",
                "Declared SEV2: Orders DB failover\n", "Severity SEV2 → SEV1\n", "Assigned comms: @Bob Li | EU on-call\n");
    }

    @Test
    void thePicturesSeverityLabelsAndSubtitleNameTheSeverities() {
        assertThat(severityTexts(ChartInputBuilder.of(NAMED))).contains("SEV2 Major_ → SEV1 Critical")
                .anySatisfy(t -> assertThat(t).startsWith("SEV2 Major_ → SEV1 Critical · "));
        assertThat(severityTexts(ChartInputBuilder.of(SAMPLE))).contains("SEV2 → SEV1")
                .anySatisfy(t -> assertThat(t).startsWith("SEV2 → SEV1 · "));
    }

    @Test
    void aTeamTemplateGetsTheSeverityAndRoleNamesNextToTheCode() throws IOException {
        Path file = dir.resolve("postmortem.mustache");
        Files.writeString(file, "{{incident.severity}}|{{incident.severityName}}|{{incident.leadRole}}: {{incident.lead}}|"
                + "{{incident.commsRole}}|{{incident.scribeRole}}\n");
        DraftTemplate template = DraftTemplate.load(file);

        StringBuilder named = new StringBuilder();
        PostmortemRenderer.render(NAMED, named, null, template);
        assertThat(named).hasToString("SEV1|SEV1 Critical|Incident commander: Alice Chen|Communications|Scribe\n");
        StringBuilder codes = new StringBuilder();
        PostmortemRenderer.render(SAMPLE, codes, null, template);
        assertThat(codes).hasToString("SEV1|SEV1|Lead: Alice Chen|Comms|Scribe\n");
    }

    /** @return the severity change markers' labels and the subtitle (whose start names the severities) of the picture */
    private static List<String> severityTexts(ChartInput in) {
        TimelineChart.Drawn d = TimelineChart.draw(in);
        XYPlot messages = (XYPlot) d.plot().getSubplots().get(0);
        @SuppressWarnings("unchecked")
        Collection<Marker> markers = (Collection<Marker>) messages.getDomainMarkers(Layer.FOREGROUND);
        List<String> texts = new java.util.ArrayList<>(markers.stream().map(Marker::getLabel)
                .filter(l -> l != null && l.contains("SEV")).toList());
        for (int i = 0; i < d.chart().getSubtitleCount(); i++) {
            if (d.chart().getSubtitle(i) instanceof TextTitle t) {
                texts.add(t.getText());
            }
        }
        assertThat(in.severities()).extracting(ChartInput.SeverityMark::severity).containsExactly(Severity.SEV2, Severity.SEV1);
        return texts;
    }
}
