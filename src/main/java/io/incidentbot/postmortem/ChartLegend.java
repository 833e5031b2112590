package io.incidentbot.postmortem;

import org.jfree.chart.LegendItem;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;

/** Legend entries of the timeline picture: the phase bands and markers have no series of their own. */
final class ChartLegend {
    private ChartLegend() {
    }

    /** @return an entry drawn as {@code shape} filled with {@code colour} */
    static LegendItem item(String label, Shape shape, Color colour) {
        LegendItem item = new LegendItem(label, null, null, null, shape, colour);
        item.setOutlinePaint(Color.DARK_GRAY);
        return item;
    }

    /** @return an entry drawn as a short vertical line in {@code colour} */
    static LegendItem line(String label, Color colour) {
        return new LegendItem(label, null, null, null, false, new Rectangle2D.Double(), false, colour, false,
                colour, new BasicStroke(), true, new Line2D.Double(0, -9, 0, 9), new BasicStroke(4f), colour);
    }
}
