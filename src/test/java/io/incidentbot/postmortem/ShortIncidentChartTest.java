package io.incidentbot.postmortem;

import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.postmortem.ChartInput.KeyEvent;
import io.incidentbot.postmortem.ChartInput.Phase;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24: the picture of a short incident cut its phase labels ("investi": the next band was painted
 * over the rest) and drew key events of the same minute on top of each other. Labels are now placed only
 * where they fit their band, and markers are spread over the lanes so none covers another.
 */
class ShortIncidentChartTest {
    private static final Instant T0 = Instant.parse("2026-05-02T09:00:00Z");

    /** 16 minutes: investigating 2:10, identified 1:40, monitoring 11, resolved; 7 key events in 21 s. */
    static ChartInput shortIncident() {
        Instant identified = T0.plusSeconds(130);
        Instant monitoring = identified.plusSeconds(100);
        Instant end = T0.plus(Duration.ofMinutes(16));
        List<KeyEvent> events = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            events.add(new KeyEvent(i + 1, T0.plusSeconds(100 + 3L * i)));
        }
        List<Integer> counts = List.of(3, 9, 7, 2, 1, 1, 0, 2);
        return new ChartInput(7, "Login slow", ZoneId.of("UTC"), T0, end,
                List.of(new Phase(Status.INVESTIGATING, T0, identified), new Phase(Status.IDENTIFIED, identified, monitoring),
                        new Phase(Status.MONITORING, monitoring, end.minusSeconds(30)),
                        new Phase(Status.RESOLVED, end.minusSeconds(30), end)),
                List.of(new ChartInput.SeverityMark(Severity.SEV2, T0, false)), events,
                new ChartInput.Activity(T0, Duration.ofMinutes(2), counts), List.of(), List.of());
    }

    @Test
    void everyPhaseLabelFitsItsBand() throws Exception {
        ChartInput in = shortIncident();
        TimelineChart.Drawn d = TimelineChart.draw(in);
        Files.write(Path.of("target", "short-timeline.png"), TimelineChart.png(in));

        XYPlot messages = (XYPlot) d.plot().getSubplots().get(0);
        @SuppressWarnings("unchecked")
        Collection<Marker> bands = messages.getDomainMarkers(Layer.BACKGROUND);
        List<String> labelled = new ArrayList<>();
        for (Marker m : bands) {
            IntervalMarker band = (IntervalMarker) m;
            Phase phase = in.phases().stream().filter(p -> p.from().toEpochMilli() == (long) band.getStartValue())
                    .findFirst().orElseThrow();
            boolean last = phase == in.phases().get(in.phases().size() - 1);
            if (band.getLabel() != null && !last) {
                labelled.add(band.getLabel());
                int width = d.x(phase.to()) - d.x(phase.from());
                assertThat(ChartPlacement.labelWidth(band.getLabel(), band.getLabelFont()) + 12).as(band.getLabel() + " in its band")
                        .isLessThanOrEqualTo(width);
            }
        }
        assertThat(labelled).as("the long monitoring phase is still named").contains("monitoring");
    }

    @Test
    void keyEventsOfTheSameMinuteDoNotCoverEachOther() {
        ChartInput in = shortIncident();
        TimelineChart.Drawn d = TimelineChart.draw(in);
        XYPlot keyEvents = (XYPlot) d.plot().getSubplots().get(1);
        var data = keyEvents.getDataset();
        List<int[]> drawn = new ArrayList<>();
        for (int i = 0; i < data.getItemCount(0); i++) {
            int x = d.x(Instant.ofEpochMilli((long) data.getXValue(0, i)));
            drawn.add(new int[] {x, (int) data.getYValue(0, i)});
        }
        assertThat(drawn).hasSize(7);
        for (int i = 0; i < drawn.size(); i++) {
            for (int j = i + 1; j < drawn.size(); j++) {
                boolean sameLane = drawn.get(i)[1] == drawn.get(j)[1];
                assertThat(!sameLane || Math.abs(drawn.get(i)[0] - drawn.get(j)[0]) >= 26)
                        .as("markers %d and %d (26 px circles) overlap: %s and %s", i + 1, j + 1,
                                java.util.Arrays.toString(drawn.get(i)), java.util.Arrays.toString(drawn.get(j)))
                        .isTrue();
            }
        }
        for (int i = 1; i < drawn.size(); i++) {
            assertThat(drawn.get(i)[0]).as("numbers stay in time order").isGreaterThanOrEqualTo(drawn.get(i - 1)[0]);
        }
    }
}
