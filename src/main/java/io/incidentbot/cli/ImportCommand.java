package io.incidentbot.cli;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Status;
import io.incidentbot.timeline.TimelineEntry;
import io.incidentbot.store.Storage;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code import <export-dir-or-zip> --channel <name>}: reads and checks the whole export first, then
 * stores one channel of it as a resolved incident (see {@link ImportPlan}) in one transaction, caches
 * the export's display names, and prints the incident's postmortem draft. Bad input changes nothing;
 * importing a channel again changes nothing either and prints the draft it already has.
 */
final class ImportCommand {
    private final Path export;
    private final String channelName;
    private final ExportLimits limits;

    private ImportCommand(Path export, String channelName, ExportLimits limits) {
        this.export = export;
        this.channelName = channelName;
        this.limits = limits;
    }

    /**
     * @param args the arguments after {@code import}
     * @throws CliException when the export path or {@code --channel <name>} is missing
     */
    static ImportCommand parse(List<String> args) throws CliException {
        List<String> paths = new ArrayList<>();
        String channel = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--channel") && i + 1 < args.size()) {
                channel = args.get(++i);
            } else if (a.startsWith("--channel=")) {
                channel = a.substring("--channel=".length());
            } else if (a.startsWith("--")) {
                throw new CliException("unknown option " + a);
            } else {
                paths.add(a);
            }
        }
        if (paths.size() != 1 || channel == null || channel.isBlank()) {
            throw new CliException("needs one export and a channel: import <export-dir-or-zip> --channel <name>");
        }
        return new ImportCommand(Path.of(paths.get(0)), channel.strip().replaceFirst("^#", ""), ExportLimits.DEFAULT);
    }

    /**
     * Reads and checks the whole export; touches no database. Messages are read one at a time and not
     * kept (see {@link ImportPlan.Scan}): a channel of any length needs memory for one message, its
     * participants and this bot's posts.
     *
     * @return what the import will store
     * @throws CliException when the export is unreadable or broken, past {@link ExportLimits}, or the
     *                      channel is not in it
     */
    ImportPlan read() throws CliException {
        try (SlackExport slack = SlackExport.open(export, limits)) {
            ExportChannel channel = channel(slack.channels());
            Map<String, ExportUser> users = slack.users();
            Set<String> bots = users.values().stream().filter(ExportUser::bot).map(ExportUser::id)
                    .collect(Collectors.toSet());
            ImportPlan.Scan scan = new ImportPlan.Scan(bots);
            forEachMessage(slack, channel, scan::add);
            return ImportPlan.of(channel, users, scan);
        }
    }

    /**
     * Stores the plan in one transaction, reading the channel's messages from the export a second time
     * and writing each as it is read, and prints one line about the import to {@code err}. A channel
     * imported before is not imported again. The caller then prints the incident's draft ({@link #print}),
     * which streams from the database.
     *
     * @return the incident's number
     * @throws CliException when the export cannot be read again (changed since {@link #read}); nothing is stored
     */
    long store(ImportPlan plan, Storage storage, Clock clock, PrintStream err) throws CliException {
        ExportChannel c = plan.channel();
        Stored stored;
        try {
            stored = storage.transaction(r -> {
                Optional<Incident> existing = r.incidents().findByChannel(c.id());
                if (existing.isPresent()) {
                    return new Stored(existing.get().number(), false);
                }
                long n = r.incidents().create(plan.title(), plan.severity(), c.privateChannel(), null,
                        plan.declaredBy(), plan.declaredAt()).number();
                r.incidents().setChannel(n, c.id(), c.name());
                r.incidents().setStatus(n, Status.RESOLVED, plan.identifiedAt(), plan.mitigatedAt(), plan.resolvedAt());
                plan.roles().forEach((role, user) -> r.incidents().setRole(n, role, user, plan.declaredAt()));
                plan.participants().forEach((user, at) -> r.participants().add(n, user, at));
                for (TimelineEntry e : plan.entries()) {
                    r.timeline().add(numbered(e, n));
                }
                try (SlackExport slack = SlackExport.open(export, limits)) {
                    forEachMessage(slack, c, m -> plan.stored(m)
                            .ifPresent(e -> r.timeline().addMessageIfAbsent(numbered(e, n))));
                } catch (CliException e) {
                    throw new Refused(e);
                }
                plan.names().forEach((id, name) -> r.userNames().put(id, name, clock.instant()));
                return new Stored(n, true);
            });
        } catch (Refused e) {
            throw e.cause;
        }
        err.println(stored.created
                ? "Imported #" + c.name() + " as incident " + stored.number + ": " + plan.humanMessages()
                        + " messages, " + plan.participants().size() + " participants."
                : "#" + c.name() + " (" + c.id() + ") was imported before, as incident " + stored.number
                        + "; nothing imported, printing its draft.");
        return stored.number;
    }

    private record Stored(long number, boolean created) {
    }

    /** Carries a refusal out of a transaction, which it rolls back. */
    private static final class Refused extends RuntimeException {
        private final CliException cause;

        Refused(CliException cause) {
            super(cause.getMessage(), null, false, false);
            this.cause = cause;
        }
    }

    private static TimelineEntry numbered(TimelineEntry e, long n) {
        return new TimelineEntry(0, n, e.kind(), e.at(), e.ts(), e.threadTs(), e.userId(), e.text(), e.editedAt(),
                e.deleted(), e.keyEvent(), e.files());
    }

    private ExportChannel channel(List<ExportChannel> channels) throws CliException {
        return channels.stream().filter(c -> c.name().equals(channelName)).findFirst()
                .orElseThrow(() -> new CliException("no channel named " + channelName + " in " + export
                        + "; its channels are: " + channels.stream().map(ExportChannel::name).sorted()
                        .collect(Collectors.joining(", "))));
    }

    /** Receives the messages of a channel one at a time. */
    @FunctionalInterface
    private interface MessageSink {
        void accept(ExportMessage m) throws CliException;
    }

    private static void forEachMessage(SlackExport slack, ExportChannel channel, MessageSink sink) throws CliException {
        Map<String, String> ids = new HashMap<>();
        for (String file : slack.dayFiles(channel)) {
            slack.forEach(file, m -> sink.accept(ExportMessage.parse(m, channel.pins(), file, ids)));
        }
    }
}
