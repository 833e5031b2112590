package io.incidentbot.cli;

import io.incidentbot.incident.IncidentImports;
import io.incidentbot.postmortem.PostmortemService;
import io.incidentbot.postmortem.UserDirectory;
import io.incidentbot.store.Storage;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private ImportCommand(Path export, String channelName) {
        this.export = export;
        this.channelName = channelName;
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
        return new ImportCommand(Path.of(paths.get(0)), channel.strip().replaceFirst("^#", ""));
    }

    /**
     * Reads and checks the whole export; touches no database.
     *
     * @return what the import will store
     * @throws CliException when the export is unreadable or broken, or the channel is not in it
     */
    ImportPlan read() throws CliException {
        try (SlackExport slack = SlackExport.open(export)) {
            ExportChannel channel = channel(slack.channels());
            Map<String, ExportUser> users = slack.users();
            return ImportPlan.of(channel, users, messages(slack, channel));
        }
    }

    /**
     * Stores the plan in one transaction and prints one line about the import to {@code err}. A channel
     * imported before is not imported again. The caller then prints the incident's draft ({@link #print}),
     * after letting go of the plan: the draft streams from the database, and the plan of a 100,000-message
     * export holds most of a 64 MB heap.
     *
     * @return the incident's number
     */
    static long store(ImportPlan plan, Storage storage, Clock clock, PrintStream err) {
        ExportChannel c = plan.channel();
        IncidentImports.Stored stored = new IncidentImports(storage, clock).store(new IncidentImports.Imported(c.id(),
                c.name(), plan.title(), plan.severity(), c.privateChannel(), plan.declaredBy(), plan.declaredAt(),
                plan.identifiedAt(), plan.mitigatedAt(), plan.resolvedAt(), plan.roles(), plan.participants(),
                plan.entries(), plan.names()));
        err.println(stored.created()
                ? "Imported #" + c.name() + " as incident " + stored.number() + ": " + plan.humanMessages()
                        + " messages, " + plan.participants().size() + " participants."
                : "#" + c.name() + " (" + c.id() + ") was imported before, as incident " + stored.number()
                        + "; nothing imported, printing its draft.");
        return stored.number();
    }

    /** Prints the postmortem draft of incident {@code number} to {@code out}, times in {@code zone}. */
    static void print(long number, Storage storage, ZoneId zone, Clock clock, PrintStream out) throws IOException {
        Cli.print(new PostmortemService(storage, UserDirectory.NONE, clock, zone), number, out);
    }

    private ExportChannel channel(List<ExportChannel> channels) throws CliException {
        return channels.stream().filter(c -> c.name().equals(channelName)).findFirst()
                .orElseThrow(() -> new CliException("no channel named " + channelName + " in " + export
                        + "; its channels are: " + channels.stream().map(ExportChannel::name).sorted()
                        .collect(Collectors.joining(", "))));
    }

    private static List<ExportMessage> messages(SlackExport slack, ExportChannel channel) throws CliException {
        List<ExportMessage> messages = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        for (String file : slack.dayFiles(channel)) {
            slack.forEach(file, m -> messages.add(ExportMessage.parse(m, channel.pins(), file, ids)));
        }
        return messages;
    }
}
