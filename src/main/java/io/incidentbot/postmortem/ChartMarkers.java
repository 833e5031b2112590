package io.incidentbot.postmortem;

import io.incidentbot.postmortem.ChartInput.ChangeMark;
import io.incidentbot.postmortem.ChartInput.Phase;
import io.incidentbot.postmortem.ChartInput.SeverityMark;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import static io.incidentbot.postmortem.TimelineChart.CHANGE;
import static io.incidentbot.postmortem.TimelineChart.LABEL_BACKGROUND;
import static io.incidentbot.postmortem.TimelineChart.LABEL_INSET;
import static io.incidentbot.postmortem.TimelineChart.MARKER;
import static io.incidentbot.postmortem.TimelineChart.SEVERITY;
import static io.incidentbot.postmortem.TimelineChart.TICKS;

/**
 * The labelled marks of the timeline picture ({@link TimelineChart}), placed in the pixels of the laid-out
 * time axis ({@link ChartPlacement.Scale}): phase names only where they fit their band, severity changes
 * and changes as lines whose labels go a row down when they would overlap the one before.
 */
final class ChartMarkers {
    private ChartMarkers() {
    }

    static boolean isLast(ChartInput in, Phase ph) {
        return ph == in.phases().get(in.phases().size() - 1);
    }

    /**
     * Names each phase band at its top left when the name, measured in its font, fits the band's drawn width
     * (the next band is painted over the rest: "investi"); a band too narrow is left unnamed, its colour is
     * in the legend.
     */
    static void labelPhases(XYPlot p, ChartInput in, ChartPlacement.Scale scale) {
        @SuppressWarnings("unchecked")
        List<Marker> bands = List.copyOf((Collection<Marker>) p.getDomainMarkers(Layer.BACKGROUND));
        for (int i = 0; i < bands.size(); i++) {
            Phase ph = in.phases().get(i);
            double width = scale.visible(ph.from(), isLast(in, ph) ? null : ph.to());
            if (ChartPlacement.labelWidth(ph.status().label(), MARKER) + 2 * LABEL_INSET <= width) {
                Marker band = bands.get(i);
                band.setLabel(ph.status().label());
                band.setLabelFont(MARKER);
                band.setLabelPaint(new Color(0x333333));
                band.setLabelBackgroundColor(new Color(0, 0, 0, 0));
                band.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                band.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                band.setLabelOffset(new RectangleInsets(LABEL_INSET, LABEL_INSET, LABEL_INSET, LABEL_INSET));
            }
        }
    }

    /**
     * Severity changes as lines, labelled {@code SEV2 → SEV1} ({@code SEV2 Major → SEV1 Critical} with a process file's
     * names) under the phase names, close ones a row apart.
     */
    static void severityChanges(XYPlot p, ChartInput in, ChartPlacement.Scale scale) {
        List<SeverityMark> marks = in.severities().subList(Math.min(1, in.severities().size()), in.severities().size());
        String[] labels = new String[marks.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = in.label(in.severities().get(i).severity()) + " → " + in.label(marks.get(i).severity());
        }
        int[] rows = rows(scale, marks.stream().map(SeverityMark::at).toList(), labels, MARKER);
        for (int i = 0; i < labels.length; i++) {
            ValueMarker m = new ValueMarker(marks.get(i).at().toEpochMilli(), SEVERITY, new BasicStroke(4f));
            m.setAlpha(1f);
            label(m, labels[i], MARKER, SEVERITY, RectangleAnchor.TOP_RIGHT, TextAnchor.TOP_LEFT,
                    new RectangleInsets(30 + 24 * rows[i], 6, 6, 6));
            p.addDomainMarker(m, Layer.FOREGROUND);
        }
    }

    /** Labels a line marker: {@code text} in {@code font} and {@code paint} on the label background, placed by the anchors and offset. */
    private static void label(ValueMarker m, String text, Font font, Color paint, RectangleAnchor anchor, TextAnchor textAnchor,
                              RectangleInsets offset) {
        m.setLabel(text);
        m.setLabelFont(font);
        m.setLabelPaint(paint);
        m.setLabelBackgroundColor(LABEL_BACKGROUND);
        m.setLabelAnchor(anchor);
        m.setLabelTextAnchor(textAnchor);
        m.setLabelOffset(offset);
    }

    /** Changes as dashed lines; labelled at the bottom when {@code scale} is given, close ones a row apart. */
    static void changes(XYPlot p, ChartInput in, ChartPlacement.Scale scale) {
        String[] labels = in.changes().stream().map(ChangeMark::title).toArray(String[]::new);
        int[] rows = scale == null ? null : rows(scale, in.changes().stream().map(ChangeMark::at).toList(), labels, TICKS);
        for (int i = 0; i < labels.length; i++) {
            ValueMarker m = new ValueMarker(in.changes().get(i).at().toEpochMilli(), CHANGE, new BasicStroke(2.5f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f));
            m.setAlpha(1f);
            if (rows != null) {
                label(m, labels[i], TICKS, CHANGE, RectangleAnchor.BOTTOM_RIGHT, TextAnchor.BOTTOM_LEFT,
                        new RectangleInsets(6, 6, 10 + 24 * rows[i], 6));
            }
            p.addDomainMarker(m, Layer.FOREGROUND);
        }
    }

    private static int[] rows(ChartPlacement.Scale scale, List<Instant> at, String[] labels, Font font) {
        double[] starts = new double[labels.length];
        double[] widths = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            starts[i] = scale.x(at.get(i)) + 6;
            widths[i] = ChartPlacement.labelWidth(labels[i], font) + 8;
        }
        return ChartPlacement.rows(starts, widths);
    }
}
