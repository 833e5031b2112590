package io.incidentbot.postmortem;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.ui.RectangleEdge;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where the timeline picture ({@link TimelineChart}) puts what could overlap: key-event markers spread over
 * lanes so that none covers another, labels of lines close in time on separate rows, and the width of a
 * phase label, so that a label is drawn only where its band can hold it. All of it in the pixels of the
 * time axis as JFreeChart lays it out ({@link #measure}), margins and the other axes' widths included.
 */
final class ChartPlacement {
    /** Lanes of the key-event row. */
    static final int LANES = 3;

    private ChartPlacement() {
    }

    /**
     * The time axis as laid out: the data area of the first subplot and the shared time axis.
     *
     * @param axis the time axis, values epoch milliseconds
     * @param area the data area, in pixels of the picture
     */
    record Scale(ValueAxis axis, Rectangle2D area) {
        /** @return the x pixel of {@code at}, possibly outside the data area */
        double x(Instant at) {
            return axis.valueToJava2D(at.toEpochMilli(), area, RectangleEdge.BOTTOM);
        }

        /** @return milliseconds of the axis per pixel */
        double msPerPx() {
            return axis.getRange().getLength() / area.getWidth();
        }

        /** @return the pixels of the data area between {@code from} and {@code to} (null: the right edge) */
        double visible(Instant from, Instant to) {
            double right = to == null ? area.getMaxX() : Math.min(area.getMaxX(), x(to));
            return right - Math.max(area.getMinX(), x(from));
        }
    }

    /**
     * Lays the chart out at {@code width}x{@code height} px without keeping the picture (drawn into a 1x1
     * scratch image: JFreeChart computes the layout from the given area, the clip keeps painting cheap).
     * What is added to the chart afterwards must not change the layout: domain markers and their labels,
     * items of a dataset whose axes have fixed ranges.
     *
     * @return where the time axis puts each time
     */
    static Scale measure(JFreeChart chart, int width, int height) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height), null, info);
        } finally {
            g.dispose();
        }
        return new Scale(chart.getXYPlot().getDomainAxis(), info.getPlotInfo().getSubplotInfo(0).getDataArea());
    }

    /**
     * Rows for labels written rightwards from their line's x, so that no two on a row overlap: each goes,
     * in the given order, on the lowest row whose last label ends before it starts.
     *
     * @param starts  each label's left end, in pixels
     * @param widths  each label's width, in pixels
     * @return each label's row, 0 the first
     */
    static int[] rows(double[] starts, double[] widths) {
        double[] ends = new double[starts.length];
        Arrays.fill(ends, Double.NEGATIVE_INFINITY);
        int[] out = new int[starts.length];
        for (int i = 0; i < starts.length; i++) {
            int row = 0;
            while (ends[row] > starts[i] - 4) {
                row++;
            }
            ends[row] = starts[i] + widths[i];
            out[i] = row;
        }
        return out;
    }

    /** @return the width in pixels of {@code label} drawn in {@code font} */
    static int labelWidth(String label, Font font) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            return g.getFontMetrics(font).stringWidth(label);
        } finally {
            g.dispose();
        }
    }

    /**
     * Places the key events so that no two markers cover each other: each goes, in time order, on the
     * lowest of {@link #LANES} lanes where it keeps {@code gapPx} from the marker before it; when every lane
     * is taken at its time (many events within seconds), it goes on the lane free soonest, moved right just
     * far enough. Numbers stay in time order, left to right.
     *
     * @param gapPx least distance between two markers' centres on a lane, in pixels
     * @param msPerPx milliseconds of the time axis per pixel ({@link Scale#msPerPx()})
     * @return per key event, in order, its x (epoch milliseconds) and its lane (1 to {@link #LANES})
     */
    static List<double[]> spread(ChartInput in, double gapPx, double msPerPx) {
        double gap = gapPx * msPerPx;
        double[] lastX = new double[LANES];
        Arrays.fill(lastX, Double.NEGATIVE_INFINITY);
        List<double[]> out = new ArrayList<>();
        for (ChartInput.KeyEvent k : in.keyEvents()) {
            double x = k.at().toEpochMilli();
            int lane = -1;
            for (int i = 0; i < LANES && lane < 0; i++) {
                lane = x - lastX[i] >= gap ? i : -1;
            }
            if (lane < 0) {
                lane = 0;
                for (int i = 1; i < LANES; i++) {
                    lane = lastX[i] < lastX[lane] ? i : lane;
                }
                x = lastX[lane] + gap;
            }
            lastX[lane] = x;
            out.add(new double[] {x, 1 + lane});
        }
        return out;
    }
}
