package io.incidentbot.postmortem;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where the timeline picture ({@link TimelineChart}) puts what could overlap: key-event markers spread over
 * lanes so that none covers another, and the width of a phase label, so that a label is drawn only where
 * its band can hold it. Pure functions of the chart's input, apart from measuring text in a font.
 */
final class ChartPlacement {
    /** About how wide the plot's data area is, in pixels, at {@link TimelineChart#WIDTH} (the axis and paddings take the rest). */
    static final double PLOT_WIDTH = 1380;

    /** Lanes of the key-event row. */
    static final int LANES = 3;

    private ChartPlacement() {
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
     * @return per key event, in order, its x (epoch milliseconds) and its lane (1 to {@link #LANES})
     */
    static List<double[]> spread(ChartInput in, double gapPx) {
        double msPerPx = Math.max(1, Duration.between(in.from(), in.to()).toMillis()) / PLOT_WIDTH;
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
