package io.incidentbot.postmortem;

import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;

import java.awt.Font;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The timeline picture's time axis: in the incident's zone, ticks {@code HH:mm} within one day and
 * {@code MM-dd HH:mm} (or {@code yyyy-MM-dd} a day apart) when the incident spans days there.
 */
final class ChartTimeAxis {
    private static final long[] STEP_MINUTES = {1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080};

    private ChartTimeAxis() {
    }

    /**
     * @param in    the chart input: zone and time span
     * @param times names the zone
     * @return the axis, its range the incident's span with a small margin on each side
     */
    static DateAxis of(ChartInput in, Times times, Font ticks, Font label) {
        TimeZone zone = TimeZone.getTimeZone(in.zone());
        DateAxis axis = new DateAxis("Time (" + times.zoneName() + ")", zone, Locale.ROOT);
        Duration span = Duration.between(in.from(), in.to());
        long pad = Math.max(span.toMillis() / 50, 60_000);
        axis.setRange(new Date(in.from().toEpochMilli() - pad), new Date(in.to().toEpochMilli() + pad));
        boolean days = TimelineChart.spansDays(in);
        long step = step(span.toMinutes() + 2 * pad / 60_000, days ? 9 : 14);
        String pattern = step >= 1440 ? "yyyy-MM-dd" : days ? "MM-dd HH:mm" : "HH:mm";
        SimpleDateFormat format = new SimpleDateFormat(pattern, Locale.ROOT);
        format.setTimeZone(zone);
        DateTickUnit unit = step >= 1440 ? new DateTickUnit(DateTickUnitType.DAY, (int) (step / 1440), format)
                : step >= 60 ? new DateTickUnit(DateTickUnitType.HOUR, (int) (step / 60), format)
                : new DateTickUnit(DateTickUnitType.MINUTE, (int) step, format);
        axis.setTickUnit(unit);
        axis.setTickLabelFont(ticks);
        axis.setLabelFont(label);
        return axis;
    }

    /** @return the smallest step that gives at most {@code maxTicks} ticks over {@code minutes} */
    static long step(long minutes, int maxTicks) {
        for (long s : STEP_MINUTES) {
            if (minutes / s <= maxTicks) {
                return s;
            }
        }
        return STEP_MINUTES[STEP_MINUTES.length - 1] * Math.max(1, minutes / STEP_MINUTES[STEP_MINUTES.length - 1] / maxTicks + 1);
    }
}
