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


    private Messages() {
    }

    /** @return the channel topic: severity, status and lead, at most 250 characters */
    public static String topic(Incident i) {
        return topic(i, Names.CODES);
    }

    /**
     * @param names what the process file calls severities and roles (issue 25)
     * @return the channel topic, e.g. {@code SEV2 Major | Investigating | Incident commander <@U1> | title}, at most
     *         250 characters; with {@link Names#CODES} {@code SEV2 | Investigating | lead <@U1> | title}
     */
    public static String topic(Incident i, Names names) {
        String lead = i.lead().map(u -> "<@" + u + ">").orElse("unassigned");
        return truncate(names.severity(i.severity()) + " | " + i.status().label() + " | " + names.role(Role.LEAD) + " "
                + lead + " | " + escape(i.title()), MAX_TOPIC);
    }

    /** @return the header message blocks: number, title, severity, status, roles, declared by and at */
    public static List<LayoutBlock> headerBlocks(Incident i) {
        return headerBlocks(i, Names.CODES);
    }

    /**
     * @param names what the process file calls severities and roles (issue 25): the Severity field reads
     *              {@code SEV2 Major}, the Lead field and the roles line use the roles' names
     * @return the header message blocks
     */
    public static List<LayoutBlock> headerBlocks(Incident i, Names names) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(truncate(":rotating_light: Incident " + i.number() + ": " + i.title(), MAX_HEADER)))));
        String leadTitle = names.roles().containsKey(Role.LEAD) ? names.role(Role.LEAD) : "Lead";
        blocks.add(section(s -> s.fields(List.of(
                markdownText("*Severity*\n" + names.severity(i.severity())),
                markdownText("*Status*\n" + i.status().label()),
                markdownText("*" + leadTitle + "*\n" + i.lead().map(u -> "<@" + u + ">").orElse("unassigned")),
                markdownText("*Declared*\nby <@" + i.declaredBy() + "> " + when(i.declaredAt()))))));
        String otherRoles = i.roles().entrySet().stream().filter(e -> e.getKey() != Role.LEAD)
                .map(e -> "*" + names.role(e.getKey()) + "* <@" + e.getValue() + ">").collect(Collectors.joining("   "));
        if (!otherRoles.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(otherRoles))));
        }
        if (i.summary() != null) {
            blocks.add(section(s -> s.text(markdownText(truncate("*Summary*\n" + UserText.inert(i.summary()), MAX_SECTION)))));
        }
        if (i.resolutionSummary() != null) {
            blocks.add(section(s -> s.text(markdownText(truncate("*Resolution*\n" + UserText.inert(i.resolutionSummary()), MAX_SECTION)))));
        }
        blocks.add(context(c -> c.elements(List.of(markdownText(
                "Messages, thread replies, :pushpin: reactions and pins here become the timeline. `/incident help` lists the commands.")))));
        return blocks;
    }

    /** @return the header's plain-text fallback (notifications, screen readers) */
    public static String headerText(Incident i) {
        return headerText(i, Names.CODES);
    }

    /** @return the header's plain-text fallback, the severity as the process file names it ({@code SEV2 Major}) */
    public static String headerText(Incident i, Names names) {
        return "Incident " + i.number() + ": " + escape(i.title()) + " — " + names.severity(i.severity()) + ", "
                + i.status().label();
    }

    /**
     * A time as Slack's date formatting ({@code <!date^epoch^{date_short_pretty} {time}|fallback>}): each
     * reader sees it in their own time zone ("Today 14:05", "Nov 27 14:05"); clients that cannot format it
     * show the fallback, UTC.
     *
     * @param at the instant
     * @return the token, e.g. {@code <!date^1764237600^{date_short_pretty} {time}|2026-11-27 10:00 UTC>}
     */
    public static String when(Instant at) {
        return Slack.date(at);
    }

    /** Most characters {@link #list} answers with: far under Slack's 40,000 for a message's text, and readable. */
    public static final int LIST_MAX_CHARS = 12_000;

    /**
     * @param incidents open incidents, newest first
     * @param failed    Slack calls given up, per incident number, oldest first
     * @param now       the current time, for ages
     * @return the ephemeral list: number, severity, title, channel link, age, and for an incident with
     *         failed Slack calls the first failure (the cause; later ones follow from it); at most
     *         {@link #LIST_MAX_CHARS} characters, ending with how many incidents were left out
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
        return list(incidents, failed, fromAlerts, now, Names.CODES);
    }

    /**
     * As {@link #list(List, java.util.Map, java.util.Set, Instant)}, each severity as the process file names it.
     *
     * @param names what the process file calls severities (issue 25): {@code • *12* SEV2 Major Checkout is down — ...}
     */
    public static String list(List<Incident> incidents, java.util.Map<Long, List<OutboxRepository.FailedJob>> failed,
                              java.util.Set<Long> fromAlerts, Instant now, Names names) {
        if (incidents.isEmpty()) {
            return "No open incidents. :tada:";
        }
        StringBuilder sb = new StringBuilder("*Open incidents* (" + incidents.size() + ")\n");
        int shown = 0;
        for (Incident i : incidents) {
            String line = listLine(i, failed.getOrDefault(i.number(), List.of()), now, names);
            if (fromAlerts.contains(i.number())) {
                int eol = line.indexOf('\n');
                line = eol < 0 ? line + " — :rotating_light: opened by alerts"
                        : line.substring(0, eol) + " — :rotating_light: opened by alerts" + line.substring(eol);
            }
            int left = incidents.size() - shown - 1;
            String tail = left > 0 ? leftOut(left) : "";
            if (sb.length() + line.length() + tail.length() > LIST_MAX_CHARS) {
                break;
            }
            sb.append(line);
            shown++;
        }
        if (shown < incidents.size()) {
            sb.append(leftOut(incidents.size() - shown));
        }
        return sb.toString().strip();
    }

    private static String leftOut(int n) {
        return "_…and " + n + " more open incident(s) not shown; the oldest are left out._\n";
    }

    private static String listLine(Incident i, List<OutboxRepository.FailedJob> f, Instant now, Names names) {
        StringBuilder sb = new StringBuilder();
        sb.append("• *").append(i.number()).append("* ").append(names.severity(i.severity())).append(' ')
                .append(escape(i.title())).append(" — ")
                .append(i.channelId() == null ? (stuck(f) ? "_no channel_" : "_channel being created_")
                        : "<#" + i.channelId() + ">")
                .append(" — ").append(i.status().label()).append(", ").append(duration(i.age(now))).append(" old");
        if (i.privateIncident()) {
            sb.append(" :lock:");
        }
        if (!f.isEmpty()) {
            OutboxRepository.FailedJob cause = f.get(0);
            sb.append("\n    :warning: ").append(f.size()).append(" Slack call(s) failed, first: ")
                    .append(cause.kind().toLowerCase().replace('_', ' ')).append(" — `")
                    .append(cause.error()).append('`');
            if (stuck(f) && i.channelId() == null) {
                sb.append("\n    The declarer can `/incident retry ").append(i.number()).append("` or `/incident cancel ")
                        .append(i.number()).append('`');
            }
        }
        return sb.append('\n').toString();
    }

    /** @return true when creating the incident's channel failed for good */
    private static boolean stuck(List<OutboxRepository.FailedJob> f) {
        return f.stream().anyMatch(j -> io.incidentbot.slack.jobs.SlackJobs.SUBSCRIBER.equals(j.subscriber())
                && io.incidentbot.slack.jobs.SlackJob.Kind.CREATE_CHANNEL.name().equals(j.kind()));
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
                + ", times in your time zone)\n");
        DateTimeFormatter time = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(zone);
        for (TimelineEntry e : entries) {
            String line = Slack.date(e.at(), time) + " " + (e.keyEvent() ? ":pushpin: " : "")
                    + (e.isThreadReply() ? "↳ " : "") + (e.userId() == null ? "" : "<@" + e.userId() + "> ")
                    + (e.kind().isCommand() ? "_" + e.kind().name().toLowerCase().replace('_', ' ') + "_ " : "")
                    + truncate(UserText.inert(Mentions.inEntry(e)).replace('\n', ' '), 200) + "\n";
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
