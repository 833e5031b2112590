package io.incidentbot.postmortem;

import io.incidentbot.incident.Status;
import io.incidentbot.postmortem.ChartInput.AlertSpan;
import io.incidentbot.postmortem.ChartInput.Phase;
import io.incidentbot.postmortem.ChartInput.SeverityMark;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Draws the incident's timeline picture, {@code incident-<n>-timeline.png}, with JFreeChart: a pure
 * function of a {@link ChartInput} to PNG bytes, drawn headless (no display needed; fonts from the
 * JRE's font configuration).
 *
 * <p>Top to bottom, on one time axis in the incident's time zone (dates on the ticks when the
 * incident spans days there): messages per interval as bars over the status phases as coloured
 * bands (investigating red, identified orange, monitoring blue, resolved green) with severity changes
 * as dark red lines; key events as numbered circles, numbered as in the draft's timeline of key
 * events; alerts firing as bars, one row per alert, when there are any. Changes are dashed purple
 * lines across all of it. The default size, {@value #WIDTH}x{@value #HEIGHT} px, stays legible in
 * Slack's file preview.
 */
public final class TimelineChart {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** Picture width in pixels. */
    public static final int WIDTH = 1600;
    /** Picture height in pixels. */
    public static final int HEIGHT = 800;

    static final Map<Status, Color> PHASE_COLOURS = new EnumMap<>(Map.of(
            Status.INVESTIGATING, new Color(0xF6C4BE), Status.IDENTIFIED, new Color(0xFBDDA6),
            Status.MONITORING, new Color(0xC6DDF5), Status.RESOLVED, new Color(0xC9E8C4)));
    static final Color BARS = new Color(0x3B5B8C);
    static final Color KEY_EVENT = new Color(0x222222);
    static final Color SEVERITY = new Color(0xB0122B);
    static final Color ALERT = new Color(0xD9480F);
    static final Color CHANGE = new Color(0x7B2CBF);
    static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 215);
    private static final String FONT = Font.SANS_SERIF;
    private static final Font TITLE = new Font(FONT, Font.BOLD, 30);
    private static final Font SUBTITLE = new Font(FONT, Font.PLAIN, 20);
    private static final Font AXIS_LABEL = new Font(FONT, Font.BOLD, 18);
    static final Font TICKS = new Font(FONT, Font.PLAIN, 17);
    static final Font MARKER = new Font(FONT, Font.BOLD, 17);
    private static final Font NUMBER = new Font(FONT, Font.BOLD, 14);
    /** Pixels between a phase band's edge and its name. */
    static final int LABEL_INSET = 6;
    /** Most key events drawn as numbered circles; with more, small dots and every n-th numbered. */
    static final int MAX_NUMBERED = 60;
    /** About how many key events are numbered when there are more than {@link #MAX_NUMBERED}. */
    static final int LABELS_WHEN_MANY = 45;

    private TimelineChart() {
    }

    /** @return the picture's file name, {@code incident-<n>-timeline.png} */
    public static String fileName(long number) {
        return "incident-" + number + "-timeline.png";
    }

    /**
     * Draws the picture at {@value #WIDTH}x{@value #HEIGHT} px.
     *
     * @return PNG bytes
     * @throws IOException when PNG encoding fails
     */
    public static byte[] png(ChartInput in) throws IOException {
        return ChartUtils.encodeAsPNG(draw(in).image());
    }

    /** A drawn picture with what JFreeChart knows about where it put things. */
    record Drawn(JFreeChart chart, BufferedImage image, ChartRenderingInfo info) {
        CombinedDomainXYPlot plot() {
            return (CombinedDomainXYPlot) chart.getXYPlot();
        }

        /** @return the data area of subplot {@code i} (0 = messages, 1 = key events, 2 = alerts) */
        Rectangle2D area(int i) {
            return info.getPlotInfo().getSubplotInfo(i).getDataArea();
        }

        /** @return the x pixel of {@code at} on the time axis */
        int x(Instant at) {
            return (int) Math.round(plot().getDomainAxis().valueToJava2D(at.toEpochMilli(), area(0),
                    plot().getDomainAxisEdge()));
        }
    }

    /** Draws the picture at {@value #WIDTH}x{@value #HEIGHT} px, keeping the chart and its layout. */
    static Drawn draw(ChartInput in) {
        JFreeChart chart = chart(in);
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB, info);
        return new Drawn(chart, image, info);
    }

    static JFreeChart chart(ChartInput in) {
        Times times = new Times(in.zone());
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(ChartTimeAxis.of(in, times, TICKS, AXIS_LABEL));
        plot.setGap(6);
        plot.add(activity(in), 6);
        plot.add(keyEvents(in), 2);
        if (!in.alerts().isEmpty()) {
            plot.add(alerts(in), Math.min(4, 1 + in.alerts().size()));
        }
        @SuppressWarnings("unchecked")
        List<XYPlot> subplots = plot.getSubplots();
        for (XYPlot p : subplots) {
            bands(p, in);
            p.setBackgroundPaint(Color.WHITE);
            p.setDomainGridlinePaint(new Color(0x999999));
            p.setRangeGridlinePaint(new Color(0xBBBBBB));
        }
        plot.setFixedLegendItems(legend(in));
        JFreeChart chart = new JFreeChart(null, TITLE, plot, true);
        chart.setTitle(new TextTitle("Incident " + in.number() + ": " + in.title(), TITLE));
        chart.addSubtitle(new TextTitle(subtitle(in, times), SUBTITLE));
        chart.getLegend().setItemFont(TICKS);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(8, 12, 8, 24));
        // what could overlap is placed in the pixels of the laid-out axis (its margins and the other axes' widths
        // make a short incident's seconds narrower than its span alone suggests: "investi", markers on each other)
        ChartPlacement.Scale scale = ChartPlacement.measure(chart, WIDTH, HEIGHT);
        ChartMarkers.labelPhases(subplots.get(0), in, scale);
        placeKeyEvents(subplots.get(1), in, scale);
        for (XYPlot p : subplots) {
            ChartMarkers.changes(p, in, p == subplots.get(0) ? scale : null);
        }
        ChartMarkers.severityChanges(subplots.get(0), in, scale);
        return chart;
    }

    private static String subtitle(ChartInput in, Times times) {
        StringBuilder s = new StringBuilder();
        for (SeverityMark m : in.severities()) {
            s.append(s.isEmpty() ? "" : " → ").append(in.label(m.severity()));
        }
        s.append(" · ").append(times.dateTime(in.from())).append(" to ").append(times.dateTime(in.to())).append(' ')
                .append(times.zoneName()).append(" (").append(Times.duration(in.from(), in.to())).append(')');
        if (!in.keyEvents().isEmpty()) {
            s.append(" · numbers are the draft's key events");
        }
        return s.toString();
    }

    private static XYPlot activity(ChartInput in) {
        XYIntervalSeries bars = new XYIntervalSeries("Messages");
        ChartInput.Activity a = in.activity();
        for (int i = 0; i < a.counts().size(); i++) {
            double from = a.start(i).toEpochMilli();
            double to = a.start(i + 1).toEpochMilli();
            int n = a.counts().get(i);
            bars.add((from + to) / 2, from, to, n, 0, n);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(bars);
        NumberAxis count = new NumberAxis("Messages / " + Times.duration(Instant.EPOCH, Instant.EPOCH.plus(a.bucket())));
        count.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        count.setUpperMargin(0.25);
        style(count);
        XYBarRenderer bar = new XYBarRenderer(0.1);
        bar.setBarPainter(new StandardXYBarPainter());
        bar.setShadowVisible(false);
        bar.setSeriesPaint(0, BARS);
        return new XYPlot(data, null, count, bar);
    }

    private static XYPlot keyEvents(ChartInput in) {
        int n = in.keyEvents().size();
        boolean few = n <= MAX_NUMBERED;
        int every = few ? 1 : niceStep((n + LABELS_WHEN_MANY - 1) / LABELS_WHEN_MANY);
        XYSeries points = new XYSeries("Key events", false, true); // filled by placeKeyEvents
        double size = markerSize(in);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesPaint(0, KEY_EVENT);
        r.setSeriesShape(0, new Ellipse2D.Double(-size / 2, -size / 2, size, size));
        r.setDefaultItemLabelGenerator((dataset, series, item) -> {
            int number = in.keyEvents().get(item).number();
            return few || number % every == 0 ? Integer.toString(number) : null;
        });
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(NUMBER);
        r.setDefaultItemLabelPaint(few ? Color.WHITE : KEY_EVENT);
        r.setDefaultPositiveItemLabelPosition(few
                ? new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.CENTER)
                : new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        NumberAxis lanes = new NumberAxis("Key events");
        lanes.setRange(0.3, 3.7);
        lanes.setTickLabelsVisible(false);
        lanes.setTickMarksVisible(false);
        style(lanes);
        XYPlot p = new XYPlot(new XYSeriesCollection(points), null, lanes, r);
        p.setRangeGridlinesVisible(false);
        return p;
    }

    /** @return the diameter of a key-event marker in pixels: numbered circles, or small dots when many */
    static double markerSize(ChartInput in) {
        return in.keyEvents().size() <= MAX_NUMBERED ? 26 : 10;
    }

    private static void placeKeyEvents(XYPlot p, ChartInput in, ChartPlacement.Scale scale) {
        XYSeries points = ((XYSeriesCollection) p.getDataset()).getSeries(0);
        for (double[] xy : ChartPlacement.spread(in, markerSize(in) + 2, scale.msPerPx())) {
            points.add(xy[0], xy[1]);
        }
    }

    private static XYPlot alerts(ChartInput in) {
        XYIntervalSeries firing = new XYIntervalSeries("Alerts firing");
        String[] names = new String[in.alerts().size()];
        for (int i = 0; i < names.length; i++) {
            AlertSpan a = in.alerts().get(i);
            names[i] = a.name();
            double from = Math.max(a.start().toEpochMilli(), in.from().toEpochMilli());
            double to = (a.end() == null ? in.to() : a.end()).toEpochMilli();
            firing.add(from, from, Math.max(from, to), i, i - 0.3, i + 0.3);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(firing);
        SymbolAxis axis = new SymbolAxis("Alerts", names);
        axis.setGridBandsVisible(false);
        style(axis);
        XYBarRenderer bar = new XYBarRenderer();
        bar.setUseYInterval(true);
        bar.setBarPainter(new StandardXYBarPainter());
        bar.setShadowVisible(false);
        bar.setSeriesPaint(0, ALERT);
        return new XYPlot(data, null, axis, bar);
    }

    private static void bands(XYPlot p, ChartInput in) {
        Duration span = Duration.between(in.from(), in.to());
        for (Phase ph : in.phases()) {
            // the last phase runs on through the axis margin: an incident resolved at its last entry still shows green
            Instant end = ChartMarkers.isLast(in, ph) && ph.to().equals(in.to()) ? in.to().plus(span) : ph.to();
            IntervalMarker band = new IntervalMarker(ph.from().toEpochMilli(), end.toEpochMilli(),
                    PHASE_COLOURS.get(ph.status()));
            band.setOutlinePaint(null);
            band.setAlpha(1f);
            p.addDomainMarker(band, Layer.BACKGROUND);
        }
    }

    private static LegendItemCollection legend(ChartInput in) {
        LegendItemCollection items = new LegendItemCollection();
        Rectangle2D box = new Rectangle2D.Double(-8, -8, 16, 16);
        for (Status s : Status.values()) {
            items.add(ChartLegend.item(s.label(), box, PHASE_COLOURS.get(s)));
        }
        items.add(ChartLegend.item("messages", box, BARS));
        items.add(ChartLegend.item("key event (draft's number)", new Ellipse2D.Double(-8, -8, 16, 16), KEY_EVENT));
        if (in.severities().size() > 1) {
            items.add(ChartLegend.line("severity change", SEVERITY));
        }
        if (!in.alerts().isEmpty()) {
            items.add(ChartLegend.item("alert firing", box, ALERT));
        }
        if (!in.changes().isEmpty()) {
            items.add(ChartLegend.line("change", CHANGE));
        }
        return items;
    }

    /** @return the smallest of 1, 2, 5, 10, 20, 50, ... at least {@code atLeast} */
    static int niceStep(int atLeast) {
        for (int base = 1; ; base *= 10) {
            for (int m : new int[] {1, 2, 5}) {
                if (base * m >= atLeast) {
                    return base * m;
                }
            }
        }
    }

    private static void style(org.jfree.chart.axis.ValueAxis axis) {
        axis.setLabelFont(AXIS_LABEL);
        axis.setTickLabelFont(TICKS);
    }

    /** @return true when {@code from} and {@code to} fall on different days in the chart's zone */
    static boolean spansDays(ChartInput in) {
        ZonedDateTime a = in.from().atZone(in.zone());
        ZonedDateTime b = in.to().atZone(in.zone());
        return !a.toLocalDate().equals(b.toLocalDate());
    }
}
