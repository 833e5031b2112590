package io.incidentbot.insights;

import io.incidentbot.incident.Severity;
import io.incidentbot.insights.IncidentStats.Week;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.time.format.DateTimeFormatter;

/**
 * Incidents per week as a PNG: one stacked bar per week (weeks start on Monday), one colour per
 * severity, SEV1 at the bottom. Drawn headless with JFreeChart, like the timeline picture.
 */
public final class WeeklyChart {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** Picture width in pixels. */
    public static final int WIDTH = 1200;
    /** Picture height in pixels. */
    public static final int HEIGHT = 600;
    private static final Color[] COLOURS = {new Color(0xB0122B), new Color(0xE8590C), new Color(0xF2C14E),
            new Color(0x7A9CC6)};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private WeeklyChart() {
    }

    /**
     * @param stats the insights; its weeks are drawn
     * @return PNG bytes, {@value #WIDTH}x{@value #HEIGHT} px
     * @throws IOException when PNG encoding fails
     */
    public static byte[] png(IncidentStats stats) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Week w : stats.weeks()) {
            for (Severity s : Severity.values()) {
                data.addValue(w.counts().getOrDefault(s, 0), s.name(),
                        stats.monthly() ? MONTH.format(w.start()) : DAY.format(w.start()));
            }
        }
        JFreeChart chart = ChartFactory.createStackedBarChart((stats.monthly() ? "Incidents per month (" : "Incidents per week (week starting, ")
                + stats.zone().getId() + ")", null, "incidents declared", data, PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot.getDomainAxis().setCategoryLabelPositions(stats.weeks().size() > 16
                ? CategoryLabelPositions.UP_90 : CategoryLabelPositions.STANDARD);
        StackedBarRenderer bars = (StackedBarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        for (int i = 0; i < COLOURS.length; i++) {
            bars.setSeriesPaint(i, COLOURS[i]);
        }
        return ChartUtils.encodeAsPNG(chart.createBufferedImage(WIDTH, HEIGHT));
    }
}
