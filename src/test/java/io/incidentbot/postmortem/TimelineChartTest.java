package io.incidentbot.postmortem;

import io.incidentbot.incident.Severity;
import io.incidentbot.testkit.LongIncident;
import io.incidentbot.incident.Status;
import io.incidentbot.postmortem.ChartInput.AlertSpan;
import io.incidentbot.postmortem.ChartInput.ChangeMark;
import io.incidentbot.postmortem.ChartInput.KeyEvent;
import io.incidentbot.postmortem.ChartInput.Phase;
import io.incidentbot.postmortem.ChartPictures.Imported;
import io.incidentbot.timeline.EntryKind;
import org.jfree.chart.labels.XYItemLabelGenerator;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.incidentbot.postmortem.ChartPictures.bandAt;
import static io.incidentbot.postmortem.ChartPictures.colourAt;
import static io.incidentbot.postmortem.ChartPictures.middle;
import static io.incidentbot.postmortem.SampleIncident.utc;
import static io.incidentbot.postmortem.TimelineChart.PHASE_COLOURS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline picture as a reader sees it: a PNG of the right size, the status phases as coloured
 * bands where the phases were, key events numbered as in the draft, dates on the time axis when
 * the incident spans days.
 */
class TimelineChartTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @TempDir
    Path dir;

    private static int rgb(Status s) {
        return PHASE_COLOURS.get(s).getRGB() & 0xFFFFFF;
    }

    @Test
    void theSampleExportIsDrawnAsAPngWithItsPhasesWhereTheyWere() throws IOException {
        Imported sample = ChartPictures.importSample(dir);
        ChartInput in = ChartInputBuilder.of(sample.input());

        byte[] png = TimelineChart.png(in);
        Path file = Path.of("target", "sample-timeline.png");
        Files.createDirectories(file.getParent());
        Files.write(file, png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));

        assertThat(image.getWidth()).isEqualTo(1600);
        assertThat(image.getHeight()).isEqualTo(800);
        assertThat(TimelineChart.fileName(1)).isEqualTo("incident-1-timeline.png");
        // README: declared 22:41, identified 23:20, monitoring 01:05, resolved 01:50 (UTC)
        assertThat(in.phases()).extracting(Phase::status).containsExactly(Status.INVESTIGATING, Status.IDENTIFIED,
                Status.MONITORING, Status.RESOLVED);
        TimelineChart.Drawn d = TimelineChart.draw(in);
        assertThat(bandAt(d, utc("2026-03-14T23:00:00"))).isEqualTo(rgb(Status.INVESTIGATING));
        assertThat(bandAt(d, utc("2026-03-15T00:10:00"))).isEqualTo(rgb(Status.IDENTIFIED));
        assertThat(bandAt(d, utc("2026-03-15T01:30:00"))).isEqualTo(rgb(Status.MONITORING));
        assertThat(ChartPictures.tickLabels(d)).isNotEmpty()
                .anySatisfy(t -> assertThat(t).startsWith("03-14 "))
                .anySatisfy(t -> assertThat(t).startsWith("03-15 "));
    }

    @Test
    void theSampleExportsKeyEventsAreNumberedAsInItsDraft() throws IOException {
        Imported sample = ChartPictures.importSample(dir);
        ChartInput in = ChartInputBuilder.of(sample.input());

        List<String> draft = ChartPictures.draftKeyEventTimes(sample.draft());
        assertThat(draft).isNotEmpty();
        assertThat(in.keyEvents()).extracting(k -> HH_MM.format(k.at().atZone(UTC))).containsExactlyElementsOf(draft);
        assertThat(in.keyEvents()).extracting(KeyEvent::number)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, draft.size()).boxed().toList())
                .containsExactlyElementsOf(ChartPictures.draftKeyEventNumbers(sample.draft()));
        TimelineChart.Drawn d = TimelineChart.draw(in);
        XYPlot lane = (XYPlot) d.plot().getSubplots().get(1);
        XYItemLabelGenerator labels = lane.getRenderer().getItemLabelGenerator(0, 0);
        for (int i = 0; i < draft.size(); i++) {
            assertThat(labels.generateLabel(lane.getDataset(), 0, i)).isEqualTo(Integer.toString(i + 1));
            Instant at = in.keyEvents().get(i).at();
            double y = lane.getRangeAxis().valueToJava2D(lane.getDataset().getYValue(0, i), d.area(1),
                    lane.getRangeAxisEdge());
            assertThat(colourAt(d.image(), d.x(at), (int) y + 9)).as("marker %d", i + 1)
                    .isEqualTo(TimelineChart.KEY_EVENT.getRGB() & 0xFFFFFF);
        }
    }

    @Test
    void theSampleIncidentShowsItsSeverityChangeAndEveryMessage() throws IOException {
        PostmortemInput sample = SampleIncident.input(UTC);
        ChartInput in = ChartInputBuilder.of(sample);

        assertThat(in.severities()).extracting(ChartInput.SeverityMark::severity)
                .containsExactly(Severity.SEV2, Severity.SEV1);
        assertThat(in.activity().counts().stream().mapToInt(Integer::intValue).sum())
                .as("messages that are not deleted, as in the draft's appendix").isEqualTo(14);
        assertThat(ChartPictures.render(sample)).contains("14 messages, thread replies");
        assertThat(in.keyEvents()).extracting(k -> HH_MM.format(k.at().atZone(UTC)))
                .containsExactlyElementsOf(ChartPictures.draftKeyEventTimes(ChartPictures.render(sample)));

        TimelineChart.Drawn d = TimelineChart.draw(in);
        Rectangle2D area = d.area(0);
        assertThat(colourAt(d.image(), d.x(utc("2026-03-14T23:20:00")), (int) area.getCenterY()))
                .as("severity change line").isEqualTo(TimelineChart.SEVERITY.getRGB() & 0xFFFFFF);
        assertThat(bandAt(d, utc("2026-03-14T23:05:00"))).isEqualTo(rgb(Status.INVESTIGATING));
        assertThat(bandAt(d, utc("2026-03-14T23:30:00"))).isEqualTo(rgb(Status.IDENTIFIED));
        assertThat(bandAt(d, utc("2026-03-15T00:30:00"))).isEqualTo(rgb(Status.MONITORING));
        assertThat(bandAt(d, utc("2026-03-15T01:14:00"))).isEqualTo(rgb(Status.RESOLVED));
    }

    @Test
    void inLosAngelesTheSampleFallsOnOneDaySoItsTicksHaveNoDates() {
        ChartInput in = ChartInputBuilder.of(SampleIncident.input(ZoneId.of("America/Los_Angeles")));

        List<String> ticks = ChartPictures.tickLabels(TimelineChart.draw(in));

        assertThat(ticks).isNotEmpty().allSatisfy(t -> assertThat(t).matches("\\d\\d:\\d\\d"));
        assertThat(ticks).contains("16:00", "17:00");
    }

    @Test
    void aThreeDayIncidentWithAlertsAndChangesIsDrawnFromOnePassWithDatesOnItsAxis() throws IOException {
        PostmortemInput base = ChartPictures.longIncident(UTC);
        AtomicInteger passes = new AtomicInteger();
        PostmortemInput counted = PostmortemInput.builder(base.incident(), sink -> {
            passes.incrementAndGet();
            base.entries().forEach(sink);
        }, UTC).build();
        Instant start = LongIncident.START;
        List<AlertSpan> alerts = List.of(new AlertSpan("CheckoutLatencyHigh", start.minusSeconds(600),
                        start.plusSeconds(30 * 3600)),
                new AlertSpan("OrdersDbCpuHigh", start.plusSeconds(40 * 3600), null));
        List<ChangeMark> changes = List.of(new ChangeMark("orders-api v2.31", start.plusSeconds(20 * 3600)));

        ChartInput in = ChartInputBuilder.of(counted, alerts, changes);
        byte[] png = TimelineChart.png(in);

        assertThat(passes).hasValue(1);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(1600);
        assertThat(image.getHeight()).isEqualTo(800);
        assertThat(in.activity().counts()).hasSizeLessThanOrEqualTo(ActivityHistogram.MAX_BUCKETS);
        assertThat(in.activity().counts().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(LongIncident.ENTRIES - LongIncident.NOTES - LongIncident.DELETED);
        assertThat(in.keyEvents()).hasSize(LongIncident.NOTES + LongIncident.KEY_MESSAGES);
        assertThat(in.from()).isEqualTo(start.minusSeconds(600));

        TimelineChart.Drawn d = TimelineChart.draw(in);
        assertThat(ChartPictures.tickLabels(d)).contains("03-15 00:00", "03-16 00:00");
        // no status entries in this timeline: the incident's identified / mitigated / resolved times
        assertThat(bandAt(d, start.plusSeconds(1800))).isEqualTo(rgb(Status.INVESTIGATING));
        assertThat(bandAt(d, start.plusSeconds(5400))).isEqualTo(rgb(Status.IDENTIFIED));
        assertThat(bandAt(d, start.plusSeconds(30 * 3600))).isEqualTo(rgb(Status.MONITORING));
        assertThat(bandAt(d, in.to().plusSeconds(1800))).as("resolved at its last entry: green in the margin")
                .isEqualTo(rgb(Status.RESOLVED));
        Rectangle2D alertArea = d.area(2);
        XYPlot alertPlot = (XYPlot) d.plot().getSubplots().get(2);
        int secondRow = (int) alertPlot.getRangeAxis().valueToJava2D(1, alertArea, alertPlot.getRangeAxisEdge());
        assertThat(colourAt(d.image(), d.x(start.plusSeconds(50 * 3600)), secondRow))
                .as("an alert still firing is drawn to the end").isEqualTo(TimelineChart.ALERT.getRGB() & 0xFFFFFF);
        assertThat(colourAt(d.image(), d.x(start.plusSeconds(35 * 3600)), secondRow))
                .as("before it fired").isNotEqualTo(TimelineChart.ALERT.getRGB() & 0xFFFFFF);
        int changeX = d.x(changes.get(0).at());
        int top = (int) d.area(1).getMinY();
        assertThat(java.util.stream.IntStream.range(top, top + 20).map(y -> d.image().getRGB(changeX, y) & 0xFFFFFF))
                .as("dashed change line").contains(TimelineChart.CHANGE.getRGB() & 0xFFFFFF);
        Files.write(Path.of("target", "long-timeline.png"), png);
    }

    @Test
    void aReopenedIncidentGoesBackToTheStatusItWasReopenedTo() {
        var entries = new java.util.ArrayList<io.incidentbot.timeline.TimelineEntry>();
        long n = 3;
        entries.add(entry(n, EntryKind.DECLARED, "2026-05-02T09:00:00", "Declared SEV3: Login slow"));
        entries.add(entry(n, EntryKind.STATUS_CHANGE, "2026-05-02T09:10:00", "Status investigating → resolved"));
        entries.add(entry(n, EntryKind.RESOLVED, "2026-05-02T09:10:00", "Resolved"));
        entries.add(entry(n, EntryKind.REOPENED, "2026-05-02T09:30:00", "Reopened: Status resolved → investigating"));
        entries.add(entry(n, EntryKind.STATUS_CHANGE, "2026-05-02T10:00:00", "Status investigating → resolved"));
        var incident = new io.incidentbot.incident.Incident(n, "Login slow", Severity.SEV3, Status.RESOLVED, false,
                null, "C3", "inc-3", null, "U1", utc("2026-05-02T09:00:00"), null, null, utc("2026-05-02T10:00:00"),
                null, java.util.Map.of());

        ChartInput in = ChartInputBuilder.of(PostmortemInput.builder(incident, entries::forEach, UTC).build());

        assertThat(in.phases()).extracting(Phase::status).containsExactly(Status.INVESTIGATING, Status.RESOLVED,
                Status.INVESTIGATING, Status.RESOLVED);
        assertThat(in.phases().get(2).to()).isEqualTo(utc("2026-05-02T10:00:00"));
        assertThat(bandAt(TimelineChart.draw(in), utc("2026-05-02T09:20:00"))).isEqualTo(rgb(Status.RESOLVED));
        assertThat(bandAt(TimelineChart.draw(in), utc("2026-05-02T09:45:00"))).isEqualTo(rgb(Status.INVESTIGATING));
        assertThat(in.keyEvents()).hasSize(5);
    }

    private static io.incidentbot.timeline.TimelineEntry entry(long n, EntryKind kind, String at, String text) {
        return new io.incidentbot.timeline.TimelineEntry(0, n, kind, utc(at), null, null, "U1", text, null, false,
                false, List.of());
    }
}
