package io.incidentbot.cli;

import io.incidentbot.incident.Declaration;
import io.incidentbot.incident.Role;
import io.incidentbot.incident.Severity;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.incidentbot.markup.Mentions;
import io.incidentbot.slack.render.ChannelPosts;
import java.util.stream.Collectors;

/**
 * What importing one exported channel stores: a resolved incident, its timeline and participants.
 *
 * <ul>
 *   <li>title: the channel purpose up to its first full stop (without an {@code Incident 42:} prefix),
 *       else the channel name without its {@code inc-42-} prefix, e.g. "Orders db failover";</li>
 *   <li>severity: the first {@code SEV1}..{@code SEV4} in the topic, else the purpose, else SEV3;
 *       lead: {@code lead <@U...>} in the topic, then this bot's role posts;</li>
 *   <li>declared at the channel's first message (of any kind) by the channel creator, or, when a bot
 *       created it, by the first person to join or write; resolved when this bot's posts say so, else
 *       at the last message; identified and mitigated from this bot's status posts (see {@link BotPosts});</li>
 *   <li>timeline: a DECLARED entry, people's messages, deleted thread parents (stored as deleted), and
 *       the changes read from this bot's posts; participants: every person who joined or wrote.</li>
 * </ul>
 *
 * @param channel        the exported channel
 * @param title          incident title
 * @param severity       current severity
 * @param declaredBy     Slack user ID of the declarer
 * @param declaredAt     declaration time
 * @param identifiedAt   identified time, may be null
 * @param mitigatedAt    mitigated time, may be null
 * @param resolvedAt     resolution time
 * @param roles          role holders
 * @param entries        the entries that are not messages (the declaration, the changes read from this bot's
 *                       posts) in time order, incident number 0; the messages are streamed ({@link #stored})
 * @param participants   Slack user ID to first appearance
 * @param humanMessages  number of people's messages imported
 * @param names          display names of every user in the export, by Slack user ID
 * @param bots           Slack user IDs of bots and apps
 */
record ImportPlan(ExportChannel channel, String title, Severity severity, String declaredBy, Instant declaredAt,
                  Instant identifiedAt, Instant mitigatedAt, Instant resolvedAt, Map<Role, String> roles,
                  List<TimelineEntry> entries, Map<String, Instant> participants, int humanMessages,
                  Map<String, String> names, Set<String> bots) {
    private static final Pattern SEV = Pattern.compile("(?i)\\bsev\\s*-?([1-4])\\b");
    private static final Pattern LEAD = Pattern.compile("(?i)\\blead:? " + Mentions.MENTION.pattern());

    /**
     * What the first reading of a channel's day files keeps: everything the plan needs except the people's
     * messages themselves, which the import streams to the database on a second reading
     * ({@link #stored}). It holds one entry per participant and per post of this bot, never a message's
     * text, so a channel of any length fits in a small heap.
     */
    static final class Scan {
        private final Set<String> bots;
        private final Map<String, Instant> firstSeen = new HashMap<>();
        private final List<ExportMessage> botPosts = new ArrayList<>();
        private ExportMessage first;
        private Instant last;
        private int human;

        /** @param bots Slack user IDs of bots and apps (from {@code users.json}) */
        Scan(Set<String> bots) {
            this.bots = bots;
        }

        /** Takes note of one message of the channel, any order. */
        void add(ExportMessage m) {
            if (first == null || m.at().isBefore(first.at())) {
                first = m;
            }
            last = last == null || m.at().isAfter(last) ? m.at() : last;
            switch (m.kind(bots)) {
                case HUMAN -> {
                    human++;
                    firstSeen.merge(m.user(), m.at(), (a, b) -> b.isBefore(a) ? b : a);
                }
                case JOIN -> firstSeen.merge(m.user(), m.at(), (a, b) -> b.isBefore(a) ? b : a);
                case BOT -> {
                    if (ChannelPosts.parse(m.text(), m.at()).isPresent()) {
                        botPosts.add(m);
                    }
                }
                case DELETED, SYSTEM -> { }
            }
        }
    }

    /**
     * @param users every user of the export
     * @param scan  the first reading of every message of the channel
     * @throws CliException when no person wrote or joined in the channel
     */
    static ImportPlan of(ExportChannel channel, Map<String, ExportUser> users, Scan scan) throws CliException {
        Map<String, Instant> participants = new LinkedHashMap<>();
        scan.firstSeen.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(e -> participants.put(e.getKey(), e.getValue()));
        if (participants.isEmpty()) {
            throw new CliException("#" + channel.name() + " has no messages from people to import");
        }
        BotPosts posts = new BotPosts();
        scan.botPosts.stream().sorted(Comparator.comparing(ExportMessage::at)).forEach(posts::read);
        Instant declaredAt = scan.first.at();
        Instant resolvedAt = posts.resolvedAt() != null ? posts.resolvedAt() : scan.last;
        String declarer = channel.creator() != null && !scan.bots.contains(channel.creator()) ? channel.creator()
                : participants.keySet().iterator().next();
        Severity severity = severity(channel);
        String title = title(channel);
        Severity declaredSeverity = posts.firstSeverity() != null ? posts.firstSeverity() : severity;
        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(new TimelineEntry(0, 0, EntryKind.DECLARED, declaredAt, null, null, declarer,
                "Declared " + declaredSeverity.name() + ": " + title + "\nImported from the Slack export of #"
                        + channel.name() + ".", null, false, false, List.of()));
        entries.addAll(posts.entries());
        entries.sort(Comparator.comparing(TimelineEntry::at));
        return new ImportPlan(channel, title, severity, declarer, declaredAt, posts.identifiedAt(), posts.mitigatedAt(),
                resolvedAt, roles(channel, posts), entries, participants, scan.human, names(users), scan.bots);
    }

    /**
     * @return the timeline entry a message of the channel is stored as (a person's message, or a deleted
     *         thread parent), or empty for messages that are not stored (joins, bot and system posts)
     */
    Optional<TimelineEntry> stored(ExportMessage m) {
        return switch (m.kind(bots)) {
            case HUMAN -> Optional.of(message(m, false));
            case DELETED -> Optional.of(message(m, true));
            case JOIN, BOT, SYSTEM -> Optional.empty();
        };
    }

    private static Map<String, String> names(Map<String, ExportUser> users) {
        Map<String, String> names = new LinkedHashMap<>();
        users.values().forEach(u -> names.put(u.id(), u.displayName()));
        return names;
    }

    private static TimelineEntry message(ExportMessage m, boolean deleted) {
        return new TimelineEntry(0, 0, EntryKind.MESSAGE, m.at(), m.ts(), m.threadTs(), deleted ? null : m.user(),
                deleted ? "" : m.text(), deleted ? null : m.editedAt(), deleted, !deleted && m.keyEvent(),
                deleted ? List.of() : m.files());
    }

    private static Map<Role, String> roles(ExportChannel channel, BotPosts posts) {
        Map<Role, String> roles = new EnumMap<>(Role.class);
        Matcher lead = LEAD.matcher(channel.topic());
        if (lead.find()) {
            roles.put(Role.LEAD, lead.group(1));
        }
        roles.putAll(posts.roles());
        return roles;
    }

    /** @return the first severity named in the topic, else the purpose, else the default */
    static Severity severity(ExportChannel channel) {
        for (String text : List.of(channel.topic(), channel.purpose())) {
            Matcher m = SEV.matcher(text);
            if (m.find()) {
                return Severity.valueOf("SEV" + m.group(1));
            }
        }
        return Severity.DEFAULT;
    }

    /** @return a title from the channel purpose, else from its name */
    static String title(ExportChannel channel) {
        String fromPurpose = channel.purpose().strip().replaceFirst("(?i)^incident\\s+\\d+\\s*:\\s*", "")
                .split("(?<=[.!?])\\s", 2)[0].replaceFirst("\\.$", "").strip();
        String title = !fromPurpose.isEmpty() ? fromPurpose : fromName(channel.name());
        return title.length() <= Declaration.MAX_TITLE ? title : title.substring(0, Declaration.MAX_TITLE - 1) + "…";
    }

    private static String fromName(String name) {
        String words = name.replaceFirst("^[a-z]+-\\d+-", "").replaceAll("[-_]+", " ").strip();
        return Optional.of(words).filter(w -> !w.isEmpty())
                .map(w -> w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1)).orElse(name);
    }
}
