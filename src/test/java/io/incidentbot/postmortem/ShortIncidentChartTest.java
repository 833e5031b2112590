package io.incidentbot.postmortem;

import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.postmortem.ChartInput.KeyEvent;
import io.incidentbot.postmortem.ChartInput.Phase;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.awt.geom.Rectangle2D;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24: the picture of a short incident cut its phase labels ("investi": the next band was painted
 * over the rest) and drew key events of the same minute on top of each other. Labels are now placed only
 * where they fit their band, and markers are spread over the lanes so none covers another, both measured
 * on the axis as JFreeChart lays it out (its margins made a 4-minute incident's seconds a third narrower
 * than the old estimate). The tests read the layout off the drawn chart, not pixels; the pictures are
 * written to {@code target/timeline-<n>.png} to look at.
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

    /**
     * 4 minutes, three status changes within one minute (identified at 2:10, monitoring at 2:30, resolved at
     * 3:05), severity changes at 2:12 and 2:20 and key events 5 s apart: the axis's margins (a minute on each side)
     * make the plot 6 minutes wide, so 5 s is under 20 px.
     */
    static ChartInput fourMinutes() {
        Instant identified = T0.plusSeconds(130);
        Instant monitoring = T0.plusSeconds(150);
        Instant resolved = T0.plusSeconds(185);
        Instant end = T0.plus(Duration.ofMinutes(4));
        List<KeyEvent> events = new ArrayList<>();
        for (long s : new long[] {0, 125, 130, 135, 140, 150, 185}) {
            events.add(new KeyEvent(events.size() + 1, T0.plusSeconds(s)));
        }
        return new ChartInput(8, "Checkout 502s", ZoneId.of("UTC"), T0, end,
                List.of(new Phase(Status.INVESTIGATING, T0, identified), new Phase(Status.IDENTIFIED, identified, monitoring),
                        new Phase(Status.MONITORING, monitoring, resolved), new Phase(Status.RESOLVED, resolved, end)),
                List.of(new ChartInput.SeverityMark(Severity.SEV3, T0, false),
                        new ChartInput.SeverityMark(Severity.SEV2, T0.plusSeconds(132), true),
                        new ChartInput.SeverityMark(Severity.SEV1, T0.plusSeconds(140), true)),
                events, new ChartInput.Activity(T0, Duration.ofMinutes(1), List.of(1, 3, 10, 4)),
                List.of(), List.of());
    }

    static List<ChartInput> incidents() {
        return List.of(shortIncident(), fourMinutes());
    }

    @ParameterizedTest
    @MethodSource("incidents")
    void everyPhaseLabelFitsItsBand(ChartInput in) throws Exception {
        TimelineChart.Drawn d = TimelineChart.draw(in);
        Files.write(Path.of("target", "timeline-" + in.number() + ".png"), TimelineChart.png(in));

        XYPlot messages = (XYPlot) d.plot().getSubplots().get(0);
        @SuppressWarnings("unchecked")
        List<Marker> bands = List.copyOf((Collection<Marker>) messages.getDomainMarkers(Layer.BACKGROUND));
        assertThat(bands).hasSameSizeAs(in.phases());
        Rectangle2D area = d.area(0);
        List<String> labelled = new ArrayList<>();
        for (int i = 0; i < bands.size(); i++) {
            Phase phase = in.phases().get(i);
            Marker band = bands.get(i);
            if (band.getLabel() != null) {
                labelled.add(band.getLabel());
                boolean last = i == bands.size() - 1;
                // the band as drawn: clipped to the data area; the last one runs on to the right edge
                double left = Math.max(area.getMinX(), d.x(phase.from()));
                double right = last ? area.getMaxX() : Math.min(area.getMaxX(), d.x(phase.to()));
                double labelLeft = left + band.getLabelOffset().getLeft();
                double labelRight = labelLeft + ChartPlacement.labelWidth(band.getLabel(), band.getLabelFont());
                assertThat(labelRight).as("%s (%.0f to %.0f px) in its band (%.0f to %.0f px)", band.getLabel(),
                        labelLeft, labelRight, left, right).isLessThanOrEqualTo(right - 2);
            }
        }
        assertThat(labelled).as("long enough phases are still named").contains(in.number() == 7
                ? new String[] {"monitoring"} : new String[] {"investigating", "resolved"});
    }

    @ParameterizedTest
    @MethodSource("incidents")
    void keyEventsCloseInTimeDoNotCoverEachOther(ChartInput in) {
        TimelineChart.Drawn d = TimelineChart.draw(in);
        XYPlot keyEvents = (XYPlot) d.plot().getSubplots().get(1);
        var data = keyEvents.getDataset();
        double size = TimelineChart.markerSize(in);
        List<double[]> drawn = new ArrayList<>();
        for (int i = 0; i < data.getItemCount(0); i++) {
            double x = d.x(Instant.ofEpochMilli((long) data.getXValue(0, i)));
            double y = keyEvents.getRangeAxis().valueToJava2D(data.getYValue(0, i), d.area(1), keyEvents.getRangeAxisEdge());
            drawn.add(new double[] {x, y});
        }
        assertThat(drawn).hasSameSizeAs(in.keyEvents());
        for (int i = 0; i < drawn.size(); i++) {
            for (int j = i + 1; j < drawn.size(); j++) {
                double apart = Math.hypot(drawn.get(i)[0] - drawn.get(j)[0], drawn.get(i)[1] - drawn.get(j)[1]);
                assertThat(apart).as("markers %d at %s and %d at %s (%.0f px circles) overlap", i + 1,
                        Arrays.toString(drawn.get(i)), j + 1, Arrays.toString(drawn.get(j)), size)
                        .isGreaterThanOrEqualTo(size);
            }
        }
        for (int i = 1; i < drawn.size(); i++) {
            assertThat(drawn.get(i)[0]).as("numbers stay in time order").isGreaterThanOrEqualTo(drawn.get(i - 1)[0]);
        }
    }

    @Test
    void severityChangesSecondsApartKeepTheirLabelsApart() {
        ChartInput in = fourMinutes();
        TimelineChart.Drawn d = TimelineChart.draw(in);
        XYPlot messages = (XYPlot) d.plot().getSubplots().get(0);
        List<Rectangle2D> labels = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Collection<Marker> lines = messages.getDomainMarkers(Layer.FOREGROUND);
        for (Marker m : lines) {
            ValueMarker line = (ValueMarker) m;
            double x = d.x(Instant.ofEpochMilli((long) line.getValue())) + line.getLabelOffset().getLeft();
            double top = line.getLabelOffset().getTop();
            labels.add(new Rectangle2D.Double(x, top, ChartPlacement.labelWidth(line.getLabel(), line.getLabelFont()), 20));
        }
        assertThat(labels).as("SEV3 → SEV2 and SEV2 → SEV1").hasSize(2);
        assertThat(labels.get(0).intersects(labels.get(1))).as("labels %s and %s overlap", labels.get(0), labels.get(1))
                .isFalse();
    }
}
