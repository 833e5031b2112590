package io.incidentbot.slack.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Role;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.reminders.ReminderNote;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every view and message of the interactive surface, fed the longest inputs the bot accepts, against
 * the Block Kit limits Slack enforces (ENGINEERING.md, "Slack facts that bite"; Slack's Block Kit
 * reference): 24-character modal title/submit/close, 100 blocks a view and 50 a message, button text
 * 75 and value 2,000, header 150, section text 3,000, select options 100 with text 75 and value 150,
 * private_metadata 3,000, unique block IDs.
 */
class BlockKitLimitsTest {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();
    static final String LONG = "Ünïcödé & <overflow> ".repeat(20);

    static Incident incident(long n, boolean open, boolean isPrivate) {
        return new Incident(n, (LONG + n).substring(0, 300), Severity.SEV1, open ? Status.MONITORING : Status.RESOLVED,
                isPrivate, LONG.repeat(10), "CINC" + n, "inc-" + n, "1712345678.000100", "UALICE001", T0, T0, T0,
                open ? null : T0.plus(Duration.ofHours(3)), open ? null : LONG.repeat(10),
                Map.of(Role.LEAD, "UALICE001", Role.COMMS, "UBOB00001", Role.SCRIBE, "UCAROL001"));
    }

    @Test
    void theModalsStayWithinSlacksLimits() {
        Incident i = incident(123456789, true, false);
        for (View v : List.of(Modals.status(i), Modals.severity(i), Modals.roles(i), Modals.update(i, true),
                Modals.followUp(i), Modals.resolve(i))) {
            checkView(v, 100);
            assertThat(v.getPrivateMetadata()).isEqualTo("123456789");
        }
        List<Incident> many = IntStream.rangeClosed(1, 250).mapToObj(n -> incident(n, true, false)).toList();
        View pick = Modals.addToTimeline(many, "x".repeat(Modals.MAX_METADATA));
        checkView(pick, 100);
        checkView(Modals.addToTimeline(List.of(), "{}"), 100);
    }

    @Test
    void theHeaderBeforeAndAfterResolveStaysWithinAMessagesLimits() {
        TimelineEntry update = new TimelineEntry(1, 1, EntryKind.STATUS_UPDATE, T0, null, null, "UALICE001",
                LONG.repeat(20) + "\nsecond line", null, false, false, List.of());
        checkMessage(Header.blocks(incident(1, true, false), Optional.of(update)));
        checkMessage(Header.blocks(incident(1, false, false), Optional.empty()));
        checkMessage(Header.blocks(incident(1, true, false), Optional.of(update), true));
        assertThat(json(Header.blocks(incident(1, false, false), Optional.empty()))).contains(Header.POSTMORTEM,
                Header.REOPEN).doesNotContain(Header.STATUS);
    }

    @Test
    void theHomeTabMarksTheIncidentsAnAlertGroupOpened() {
        String json = com.slack.api.util.json.GsonFactory.createSnakeCase().toJson(HomeTab.view("UALICE001",
                List.of(incident(7, true, false), incident(8, true, false)), List.of(), java.util.Set.of(8L)));
        assertThat(json.split("opened by alerts", -1)).as("one marked incident").hasSize(2);
        assertThat(json.substring(json.indexOf("*8*"))).contains("opened by alerts");
    }

    @Test
    void theHomeTabWithManyIncidentsStaysWithinAViewsLimits() {
        List<Incident> open = IntStream.rangeClosed(1, 150).mapToObj(n -> incident(n, true, n % 2 == 0)).toList();
        List<Incident> resolved = IntStream.rangeClosed(151, 300).mapToObj(n -> incident(n, false, false)).toList();
        checkView(HomeTab.view("UALICE001", open, resolved), 100);
    }

    @Test
    void theHomeTabWithAYearsInsightsAndTitlesOfAThousandCharactersStaysWithinAViewsLimits() {
        List<Incident> open = IntStream.rangeClosed(1, 150).mapToObj(n -> incident(n, true, n % 2 == 0)).toList();
        List<Incident> resolved = IntStream.rangeClosed(151, 300).mapToObj(n -> incident(n, false, false)).toList();
        String title = LONG.repeat(3).substring(0, io.incidentbot.incident.Declaration.MAX_TITLE);
        List<io.incidentbot.insights.IncidentTimes> longest = IntStream.rangeClosed(1, 5).mapToObj(n ->
                new io.incidentbot.insights.IncidentTimes(n, title, Severity.SEV1, false, T0.minus(Duration.ofDays(n)),
                        null, null, null)).toList();
        Map<String, Integer> owners = new java.util.HashMap<>();
        IntStream.range(0, 400).forEach(n -> owners.put("U" + (100000000 + n), n + 1));
        io.incidentbot.insights.IncidentStats stats = io.incidentbot.insights.StatsCalculator.compute(longest, longest,
                owners, T0.minus(Duration.ofDays(365)), T0, java.time.ZoneId.of("UTC"));

        View view = HomeTab.view("UALICE001", open, resolved, Set.of(), stats);

        checkView(view, 100);
        String json = json(view);
        assertThat(json).contains("Incident insights", "Longest open", "Follow-ups by owner");
        assertThat(json).contains("…");
        assertThat(json.split("\\(SEV1\\), open \\d+ d", -1).length - 1)
                .as("the 5 longest open, titles shortened in the middle, ages kept").isEqualTo(5);
    }

    @Test
    void theRemindersStayWithinAMessagesLimits() {
        List<String> followUps = new ArrayList<>();
        IntStream.range(0, 200).forEach(n -> followUps.add(LONG));
        for (ReminderNote note : List.of(new ReminderNote.UpdateDue(1, null, Duration.ofMinutes(45)),
                new ReminderNote.LeadMissing(1, Duration.ofMinutes(10)), new ReminderNote.UnownedFollowUps(1, followUps))) {
            checkMessage(ReminderPosts.blocks(note));
        }
        assertThat(ReminderPosts.text(new ReminderNote.UpdateDue(1, null, Duration.ofMinutes(45)))).contains("no lead yet");
    }

    private static String json(Object o) {
        return GsonFactory.createSnakeCase().toJson(o);
    }

    private static void checkView(View v, int maxBlocks) {
        JsonNode n = read(json(v));
        for (String f : List.of("title", "submit", "close")) {
            if (n.has(f)) {
                assertThat(n.path(f).path("text").asText()).as(f).hasSizeLessThanOrEqualTo(24);
            }
        }
        if (n.path("blocks").toString().contains("\"input\"")) {
            assertThat(n.has("submit")).as("a modal with inputs needs a submit button").isTrue();
        }
        assertThat(n.path("private_metadata").asText("")).hasSizeLessThanOrEqualTo(3000);
        checkBlocks(n.path("blocks"), maxBlocks);
    }

    private static void checkMessage(List<LayoutBlock> blocks) {
        checkBlocks(read(json(blocks)), 50);
    }

    private static void checkBlocks(JsonNode blocks, int max) {
        assertThat(blocks.size()).isLessThanOrEqualTo(max);
        Set<String> ids = new HashSet<>();
        for (JsonNode b : blocks) {
            if (b.has("block_id")) {
                assertThat(ids.add(b.path("block_id").asText())).as("unique block_id").isTrue();
                assertThat(b.path("block_id").asText()).hasSizeLessThanOrEqualTo(255);
            }
            switch (b.path("type").asText()) {
                case "header" -> assertThat(b.path("text").path("text").asText()).hasSizeLessThanOrEqualTo(150);
                case "section" -> {
                    assertThat(b.path("text").path("text").asText("")).hasSizeLessThanOrEqualTo(3000);
                    assertThat(b.path("fields").size()).isLessThanOrEqualTo(10);
                    b.path("fields").forEach(f -> assertThat(f.path("text").asText()).hasSizeLessThanOrEqualTo(2000));
                }
                case "context" -> b.path("elements").forEach(e ->
                        assertThat(e.path("text").asText("")).hasSizeLessThanOrEqualTo(3000));
                case "actions" -> {
                    assertThat(b.path("elements").size()).isLessThanOrEqualTo(25);
                    b.path("elements").forEach(BlockKitLimitsTest::checkElement);
                }
                case "input" -> {
                    assertThat(b.path("label").path("text").asText()).hasSizeLessThanOrEqualTo(2000);
                    checkElement(b.path("element"));
                }
                default -> { }
            }
        }
    }

    private static void checkElement(JsonNode e) {
        assertThat(e.path("action_id").asText()).hasSizeLessThanOrEqualTo(255);
        if (e.path("type").asText().equals("button")) {
            assertThat(e.path("text").path("text").asText()).hasSizeLessThanOrEqualTo(75);
            assertThat(e.path("value").asText("")).hasSizeLessThanOrEqualTo(2000);
        }
        if (e.has("options")) {
            assertThat(e.path("options").size()).isBetween(1, 100);
            Set<String> values = new HashSet<>();
            e.path("options").forEach(o -> {
                assertThat(o.path("text").path("text").asText()).hasSizeLessThanOrEqualTo(75);
                assertThat(o.path("value").asText()).hasSizeLessThanOrEqualTo(150);
                values.add(o.path("value").asText());
            });
            if (e.has("initial_option")) {
                assertThat(values).contains(e.path("initial_option").path("value").asText());
            }
        }
    }

    private static JsonNode read(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
