package io.incidentbot.slack.render;

import io.incidentbot.markup.Mentions;
import com.slack.api.model.block.LayoutBlock;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Role;
import io.incidentbot.store.OutboxRepository;
import io.incidentbot.timeline.TimelineEntry;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/** The texts and Block Kit the bot shows in Slack. Pure functions of domain state. */
public final class Messages {
    /** Slack's limit for a channel topic, in characters. */
    public static final int MAX_TOPIC = 250;
    /** Slack's limit for a section block's text, in characters. */
    public static final int MAX_SECTION = 3000;
    /** Slack's limit for a header block's text, in characters. */
    public static final int MAX_HEADER = 150;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneId.of("UTC"));

    private Messages() {
    }

    /** @return the channel topic: severity, status and lead, at most 250 characters */
    public static String topic(Incident i) {
        String lead = i.lead().map(u -> "<@" + u + ">").orElse("unassigned");
        return truncate(i.severity().name() + " | " + i.status().label() + " | lead " + lead + " | " + escape(i.title()),
                MAX_TOPIC);
    }

    /** @return the header message blocks: number, title, severity, status, roles, declared by and at */
    public static List<LayoutBlock> headerBlocks(Incident i) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(truncate(":rotating_light: Incident " + i.number() + ": " + i.title(), MAX_HEADER)))));
        blocks.add(section(s -> s.fields(List.of(
                markdownText("*Severity*\n" + i.severity().name()),
                markdownText("*Status*\n" + i.status().label()),
                markdownText("*Lead*\n" + i.lead().map(u -> "<@" + u + ">").orElse("unassigned")),
                markdownText("*Declared*\nby <@" + i.declaredBy() + "> at " + WHEN.format(i.declaredAt()))))));
        String otherRoles = i.roles().entrySet().stream().filter(e -> e.getKey() != Role.LEAD)
                .map(e -> "*" + e.getKey().label() + "* <@" + e.getValue() + ">").collect(Collectors.joining("   "));
        if (!otherRoles.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(otherRoles))));
        }
        if (i.summary() != null) {
            blocks.add(section(s -> s.text(markdownText(truncate("*Summary*\n" + i.summary(), MAX_SECTION)))));
        }
        if (i.resolutionSummary() != null) {
            blocks.add(section(s -> s.text(markdownText(truncate("*Resolution*\n" + i.resolutionSummary(), MAX_SECTION)))));
        }
        blocks.add(context(c -> c.elements(List.of(markdownText(
                "Messages, thread replies, :pushpin: reactions and pins here become the timeline. `/incident help` lists the commands.")))));
        return blocks;
    }

    /** @return the header's plain-text fallback (notifications, screen readers) */
    public static String headerText(Incident i) {
        return "Incident " + i.number() + ": " + i.title() + " — " + i.severity().name() + ", " + i.status().label();
    }

    /**
     * @param incidents open incidents
     * @param failed    Slack calls given up, per incident number
     * @param now       the current time, for ages
     * @return the ephemeral list: number, severity, title, channel link, age, failed Slack calls
     */
    public static String list(List<Incident> incidents, java.util.Map<Long, List<OutboxRepository.FailedJob>> failed,
                              Instant now) {
        return list(incidents, failed, java.util.Set.of(), now);
    }

    /**
     * As {@link #list(List, java.util.Map, Instant)}, marking the incidents an alert group opened.
     *
     * @param fromAlerts numbers of the incidents an alert group declared (issue 12)
     */
    public static String list(List<Incident> incidents, java.util.Map<Long, List<OutboxRepository.FailedJob>> failed,
                              java.util.Set<Long> fromAlerts, Instant now) {
        if (incidents.isEmpty()) {
            return "No open incidents. :tada:";
        }
        StringBuilder sb = new StringBuilder("*Open incidents*\n");
        for (Incident i : incidents) {
            sb.append("• *").append(i.number()).append("* ").append(i.severity().name()).append(' ')
                    .append(escape(i.title())).append(" — ")
                    .append(i.channelId() == null ? "_channel being created_" : "<#" + i.channelId() + ">")
                    .append(" — ").append(i.status().label()).append(", ").append(duration(i.age(now))).append(" old");
            if (i.privateIncident()) {
                sb.append(" :lock:");
            }
            if (fromAlerts.contains(i.number())) {
                sb.append(" — :rotating_light: opened by alerts");
            }
            List<OutboxRepository.FailedJob> f = failed.getOrDefault(i.number(), List.of());
            if (!f.isEmpty()) {
                sb.append("\n    :warning: ").append(f.size()).append(" Slack call(s) failed, last: ")
                        .append(f.get(f.size() - 1).kind().name().toLowerCase().replace('_', ' ')).append(" — `")
                        .append(f.get(f.size() - 1).error()).append('`');
            }
            sb.append('\n');
        }
        return sb.toString().strip();
    }

    /**
     * @param zone the time zone to show times in ({@code INCIDENT_TIMEZONE}), named in the first line
     * @return the ephemeral timeline view of the latest entries, at most about 3,000 characters
     */
    public static String timeline(Incident i, List<TimelineEntry> entries, ZoneId zone) {
        if (entries.isEmpty()) {
            return "Incident " + i.number() + " has no timeline entries yet.";
        }
        StringBuilder sb = new StringBuilder("*Timeline of incident " + i.number() + "* (latest " + entries.size()
                + ", times in " + zone.getId() + ")\n");
        DateTimeFormatter time = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(zone);
        for (TimelineEntry e : entries) {
            String line = "`" + time.format(e.at()) + "` " + (e.keyEvent() ? ":pushpin: " : "")
                    + (e.isThreadReply() ? "↳ " : "") + (e.userId() == null ? "" : "<@" + e.userId() + "> ")
                    + (e.kind().isCommand() ? "_" + e.kind().name().toLowerCase().replace('_', ' ') + "_ " : "")
                    + truncate(Mentions.inEntry(e).replace('\n', ' '), 200) + "\n";
            if (sb.length() + line.length() > MAX_SECTION - 20) {
                break;
            }
            sb.append(line);
        }
        return sb.toString().strip();
    }

    /** @return a duration like {@code 2 h 05 min}, {@code 3 d 4 h} or {@code 12 min} */
    public static String duration(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 24 * 60) {
            return (minutes / 60) + " h " + String.format("%02d", minutes % 60) + " min";
        }
        return (minutes / (24 * 60)) + " d " + (minutes / 60 % 24) + " h";
    }

    /** @return {@code text} cut to {@code max} characters, ending with an ellipsis when cut */
    public static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }

    /** @return text with Slack's control characters escaped ({@code & < >}) */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
