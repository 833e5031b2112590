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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.incidentbot.markup.Mentions;
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
 * @param entries        timeline entries in time order, incident number 0
 * @param participants   Slack user ID to first appearance
 * @param humanMessages  number of people's messages imported
 * @param names          display names of every user in the export, by Slack user ID
 */
record ImportPlan(ExportChannel channel, String title, Severity severity, String declaredBy, Instant declaredAt,
                  Instant identifiedAt, Instant mitigatedAt, Instant resolvedAt, Map<Role, String> roles,
                  List<TimelineEntry> entries, Map<String, Instant> participants, int humanMessages,
                  Map<String, String> names) {
    private static final Pattern SEV = Pattern.compile("(?i)\\bsev\\s*-?([1-4])\\b");
    private static final Pattern LEAD = Pattern.compile("(?i)\\blead:? " + Mentions.MENTION.pattern());

    /**
     * @param messages every message of the channel, any order
     * @throws CliException when no person wrote or joined in the channel
     */
    static ImportPlan of(ExportChannel channel, Map<String, ExportUser> users, List<ExportMessage> messages)
            throws CliException {
        List<ExportMessage> sorted = messages.stream().sorted(Comparator.comparing(ExportMessage::at)).toList();
        Set<String> bots = users.values().stream().filter(ExportUser::bot).map(ExportUser::id)
                .collect(Collectors.toSet());
        List<TimelineEntry> entries = new ArrayList<>();
        Map<String, Instant> participants = new LinkedHashMap<>();
        BotPosts posts = new BotPosts();
        int human = 0;
        for (ExportMessage m : sorted) {
            switch (m.kind(bots)) {
                case HUMAN -> {
                    human++;
                    participants.putIfAbsent(m.user(), m.at());
                    entries.add(message(m, false));
                }
                case JOIN -> participants.putIfAbsent(m.user(), m.at());
                case DELETED -> entries.add(message(m, true));
                case BOT -> posts.read(m);
                case SYSTEM -> { }
            }
        }
        if (participants.isEmpty()) {
            throw new CliException("#" + channel.name() + " has no messages from people to import");
        }
        Instant declaredAt = sorted.get(0).at();
        Instant resolvedAt = posts.resolvedAt() != null ? posts.resolvedAt() : sorted.get(sorted.size() - 1).at();
        String declarer = channel.creator() != null && !bots.contains(channel.creator()) ? channel.creator()
                : participants.keySet().iterator().next();
        Severity severity = severity(channel);
        String title = title(channel);
        Severity declaredSeverity = posts.firstSeverity() != null ? posts.firstSeverity() : severity;
        entries.add(new TimelineEntry(0, 0, EntryKind.DECLARED, declaredAt, null, null, declarer,
                "Declared " + declaredSeverity.name() + ": " + title + "\nImported from the Slack export of #"
                        + channel.name() + ".", null, false, false, List.of()));
        entries.addAll(posts.entries());
        entries.sort(Comparator.comparing(TimelineEntry::at));
        return new ImportPlan(channel, title, severity, declarer, declaredAt, posts.identifiedAt(), posts.mitigatedAt(),
                resolvedAt, roles(channel, posts), entries, participants, human, names(users));
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
