package io.incidentbot.slack;

import io.incidentbot.incident.Declaration;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.incident.NotAnIncidentChannelException;
import io.incidentbot.incident.Role;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.slack.render.Mentions;
import io.incidentbot.slack.render.Messages;
import io.incidentbot.store.Storage;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Interprets the text of {@code /incident} and runs the use case. Returns the ephemeral answer;
 * every change is committed before it returns. Never calls Slack.
 */
public final class IncidentCommand {
    /** How many entries {@code /incident timeline} shows. */
    static final int TIMELINE_LIMIT = 25;
    private static final Set<String> CHANNEL_SCOPED = Set.of("status", "sev", "severity", "lead", "role", "note",
            "update", "action", "resolve", "postmortem", "timeline");

    /**
     * What the command asks of the Slack adapter besides the answer.
     *
     * @param text      the ephemeral answer
     * @param openModal true when the declare modal should be opened with the trigger ID
     */
    public record Reply(String text, boolean openModal) {
        static Reply say(String text) {
            return new Reply(text, false);
        }
    }

    /**
     * One invocation.
     *
     * @param text        the text after {@code /incident}
     * @param userId      the invoking user's Slack ID
     * @param channelId   the channel it was run in
     * @param responseUrl the {@code response_url} for later messages, may be null
     */
    public record Invocation(String text, String userId, String channelId, String responseUrl) {
    }

    private final IncidentService incidents;
    private final Storage storage;
    private final Clock clock;
    private final java.time.ZoneId zone;

    /** @param zone time zone for times shown to users ({@code INCIDENT_TIMEZONE}) */
    public IncidentCommand(IncidentService incidents, Storage storage, Clock clock, java.time.ZoneId zone) {
        this.zone = zone;
        this.incidents = incidents;
        this.storage = storage;
        this.clock = clock;
    }

    /**
     * @return the answer
     * @throws io.incidentbot.incident.IncidentException when the domain refuses (shown to the user as is)
     */
    public Reply run(Invocation in) {
        String text = in.text() == null ? "" : in.text().strip();
        String[] parts = text.split("\\s+", 2);
        String sub = parts[0].toLowerCase(Locale.ROOT);
        String rest = parts.length > 1 ? parts[1].strip() : "";
        if (CHANNEL_SCOPED.contains(sub) && incidents.findByChannel(in.channelId()).isEmpty()) {
            throw new NotAnIncidentChannelException(sub);
        }
        return switch (sub) {
            case "declare" -> declare(in, rest);
            case "list" -> Reply.say(list(in.userId()));
            case "status" -> status(in, rest);
            case "sev", "severity" -> severity(in, rest);
            case "lead" -> lead(in, rest);
            case "role" -> role(in, rest);
            case "note" -> rest.isEmpty() ? usage("note <text>")
                    : done(incidents.note(in.channelId(), rest, in.userId()), "Note added to the timeline.");
            case "update" -> rest.isEmpty() ? usage("update <text>")
                    : done(incidents.statusUpdate(in.channelId(), rest, in.userId()), "Status update sent.");
            case "action" -> action(in, rest);
            case "resolve" -> done(incidents.resolve(in.channelId(), rest, in.userId()),
                    "Resolved. The postmortem draft will be posted here shortly.");
            case "postmortem" -> done(incidents.requestPostmortem(in.channelId(), in.userId()),
                    "Drafting the postmortem; it will be posted here shortly.");
            case "timeline" -> timeline(in);
            default -> Reply.say(Messages.help());
        };
    }

    private Reply declare(Invocation in, String rest) {
        if (rest.isEmpty()) {
            return new Reply("Opening the declare form…", true);
        }
        String[] words = rest.split("\\s+", 2);
        boolean severityGiven = words[0].toLowerCase(Locale.ROOT).matches("sev\\d+");
        Optional<Severity> sev = severityGiven ? Severity.parse(words[0]) : Optional.empty();
        if (severityGiven && sev.isEmpty()) {
            return Reply.say("Usage: `/incident declare [sev1-4] <title>` (" + words[0] + " is not a severity)");
        }
        String title = sev.isPresent() ? (words.length > 1 ? words[1] : "") : rest;
        if (title.isBlank()) {
            return new Reply("Opening the declare form…", true);
        }
        Incident inc = incidents.declare(new Declaration(title, sev.orElse(Severity.DEFAULT), null, false, in.userId(),
                in.responseUrl()));
        return Reply.say(":rotating_light: Declared incident " + inc.number() + " (" + inc.severity().name() + "): "
                + Messages.escape(inc.title()) + ". Creating its channel and inviting you now.");
    }

    private String list(String userId) {
        List<Incident> open = incidents.listOpen();
        Set<Long> memberOf = storage.transaction(r -> open.stream().filter(Incident::privateIncident)
                .filter(i -> r.participants().list(i.number()).stream().anyMatch(p -> p.userId().equals(userId)))
                .map(Incident::number).collect(Collectors.toSet()));
        List<Incident> visible = open.stream().filter(i -> !i.privateIncident() || memberOf.contains(i.number())).toList();
        java.util.Map<Long, List<io.incidentbot.store.OutboxRepository.FailedJob>> failed = storage.transaction(r -> {
            java.util.Map<Long, List<io.incidentbot.store.OutboxRepository.FailedJob>> m = new java.util.HashMap<>();
            visible.forEach(i -> m.put(i.number(), r.outbox().failed(i.number())));
            return m;
        });
        return Messages.list(visible, failed, clock.instant());
    }

    private Reply status(Invocation in, String rest) {
        Optional<Status> status = Status.parse(rest);
        if (status.isEmpty()) {
            return usage("status <investigating|identified|monitoring|resolved>");
        }
        return done(incidents.setStatus(in.channelId(), status.get(), in.userId()), "Status set to " + status.get().label() + ".");
    }

    private Reply severity(Invocation in, String rest) {
        Optional<Severity> sev = Severity.parse(rest);
        if (sev.isEmpty()) {
            return usage("sev <sev1|sev2|sev3|sev4>");
        }
        return done(incidents.setSeverity(in.channelId(), sev.get(), in.userId()), "Severity set to " + sev.get().name() + ".");
    }

    private Reply lead(Invocation in, String rest) {
        Optional<String> user = Mentions.user(rest);
        if (user.isEmpty()) {
            return usage("lead @user");
        }
        return done(incidents.assignRole(in.channelId(), Role.LEAD, user.get(), in.userId()), "<@" + user.get() + "> is now the lead.");
    }

    private Reply role(Invocation in, String rest) {
        String[] words = rest.split("\\s+", 2);
        Optional<Role> role = Role.parse(words[0]);
        Optional<String> user = words.length > 1 ? Mentions.user(words[1]) : Optional.empty();
        if (role.isEmpty() || user.isEmpty()) {
            return usage("role <lead|comms|scribe> @user");
        }
        return done(incidents.assignRole(in.channelId(), role.get(), user.get(), in.userId()),
                "<@" + user.get() + "> is now " + role.get().label() + ".");
    }

    private Reply action(Invocation in, String rest) {
        if (rest.isEmpty()) {
            return usage("action <text> [@owner]");
        }
        String[] split = Mentions.trailingUser(rest);
        return done(incidents.followUp(in.channelId(), split[0], split[1], in.userId()), "Follow-up recorded.");
    }

    private Reply timeline(Invocation in) {
        Incident inc = incidents.findByChannel(in.channelId()).orElseThrow();
        return Reply.say(Messages.timeline(inc, incidents.timeline(in.channelId(), TIMELINE_LIMIT), zone));
    }

    private static Reply done(Incident incident, String text) {
        return Reply.say(text);
    }

    private static Reply usage(String usage) {
        return Reply.say("Usage: `/incident " + usage + "`");
    }
}
