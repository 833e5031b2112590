package io.incidentbot.postmortem;

import io.incidentbot.cli.Cli;
import io.incidentbot.testkit.LongIncident;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Role;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import io.incidentbot.timeline.TimelineEntry;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.ui.RectangleEdge;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the timeline picture tests read off a drawn chart, and the incidents they draw. */
final class ChartPictures {
    static final String EXPORT_CHANNEL = "inc-42-orders-db-failover";

    private ChartPictures() {
    }

    /** The sample export imported through the command line, with the draft it printed. */
    record Imported(PostmortemInput input, String draft) {
    }

    /** Imports {@code samples/export} into a new database in {@code dir} and reads it back. */
    static Imported importSample(Path dir) {
        Path db = dir.resolve("incidents.db");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Cli.run(new String[] {"import", "samples/export", "--channel", EXPORT_CHANNEL},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()),
                Map.of("INCIDENT_DB", db.toString()));
        if (status != 0) {
            throw new IllegalStateException("import failed: " + status);
        }
        try (JdbiStorage storage = Database.open(db.toString())) {
            PostmortemInput in = storage.read(r -> {
                Incident incident = r.incidents().find(1).orElseThrow();
                List<TimelineEntry> entries = r.timeline().list(1);
                return PostmortemInput.builder(incident, entries::forEach, ZoneId.of("UTC"))
                        .followUps(r.followUps().list(1)).participants(r.participants().list(1)).build();
            });
            return new Imported(in, out.toString(StandardCharsets.UTF_8));
        }
    }

    /** The {@link LongIncident}'s 20,000 entries, made on the fly each pass (never held). */
    static PostmortemInput longIncident(ZoneId zone) {
        Instant end = LongIncident.START.plusSeconds(12L * LongIncident.ENTRIES);
        Incident incident = new Incident(7, "Checkout slow for three days", Severity.SEV2, Status.RESOLVED, false,
                null, "C1", "inc-7-checkout-slow", null, "U1000", LongIncident.START,
                LongIncident.START.plusSeconds(3600), LongIncident.START.plusSeconds(7200), end, null,
                Map.of(Role.LEAD, "U1000"));
        TimelineSource entries = sink -> {
            for (int i = 0; i < LongIncident.ENTRIES; i++) {
                sink.accept(LongIncident.entry(7, i, 0));
            }
        };
        return PostmortemInput.builder(incident, entries, zone).build();
    }

    private static final Pattern KEY_EVENT_ITEM =
            Pattern.compile("(?m)^- \\*\\*\\((\\d+)\\)\\*\\* (?:\\d{4}-\\d\\d-\\d\\d )?(\\d\\d:\\d\\d) ");

    /** @return the draft's timeline of key events as {@code HH:MM} per item, in order */
    static List<String> draftKeyEventTimes(String draft) {
        return keyEventItems(draft, 2);
    }

    /** @return the numbers the draft's timeline of key events gives its items ({@code **(7)**}), in order */
    static List<Integer> draftKeyEventNumbers(String draft) {
        return keyEventItems(draft, 1).stream().map(Integer::valueOf).toList();
    }

    private static List<String> keyEventItems(String draft, int group) {
        int start = draft.indexOf("## Timeline of key events");
        int end = draft.indexOf("\n## ", start + 1);
        Matcher m = KEY_EVENT_ITEM.matcher(draft.substring(start, end));
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(group));
        }
        return found;
    }

    /** @return the text of every tick the picture's time axis draws */
    static List<String> tickLabels(TimelineChart.Drawn d) {
        Graphics2D g = d.image().createGraphics();
        try {
            List<? extends Tick> ticks = d.plot().getDomainAxis().refreshTicks(g, new AxisState(), d.area(0),
                    RectangleEdge.BOTTOM);
            return ticks.stream().map(Tick::getText).toList();
        } finally {
            g.dispose();
        }
    }

    /**
     * @return the most common colour (RGB) in a 7x5 px patch centred at {@code x} and {@code y}: a
     *         gridline or an anti-aliased edge crossing it does not change the answer
     */
    static int colourAt(BufferedImage image, int x, int y) {
        Map<Integer, Integer> seen = new HashMap<>();
        for (int dx = -3; dx <= 3; dx++) {
            for (int dy = -2; dy <= 2; dy++) {
                seen.merge(image.getRGB(x + dx, y + dy) & 0xFFFFFF, 1, Integer::sum);
            }
        }
        return seen.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** @return the colour of the band at {@code at}, read just under the top of the messages area */
    static int bandAt(TimelineChart.Drawn d, Instant at) {
        Rectangle2D area = d.area(0);
        return colourAt(d.image(), d.x(at), (int) area.getMinY() + 4);
    }

    /** @return the middle of {@code from} and {@code to} */
    static Instant middle(Instant from, Instant to) {
        return from.plusMillis((to.toEpochMilli() - from.toEpochMilli()) / 2);
    }

    static String render(PostmortemInput in) throws IOException {
        StringBuilder out = new StringBuilder();
        PostmortemRenderer.render(in, out);
        return out.toString();
    }
}
