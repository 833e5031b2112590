package io.incidentbot.slack.commands;

import org.apache.commons.text.similarity.LevenshteinDistance;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.incident.NotAnIncidentChannelException;
import io.incidentbot.slack.commands.Subcommand.Invocation;
import io.incidentbot.slack.commands.Subcommand.Reply;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The routing table of {@code /incident}: finds the subcommand by its first word, refuses a
 * channel-scoped one outside an incident channel, and answers an unknown word by naming it, suggesting
 * the nearest subcommand and listing them all; the help text is generated from the same table.
 */
public final class Routes {
    private final IncidentService incidents;
    private final List<Subcommand> commands;
    private final Map<String, Subcommand> byWord = new LinkedHashMap<>();

    /**
     * @param commands the subcommands in help order; a command that needs the help text gets it from
     *                 {@link #help()}
     */
    public Routes(IncidentService incidents, List<Function<Routes, Subcommand>> commands) {
        this.incidents = incidents;
        List<Subcommand> built = new ArrayList<>();
        for (Function<Routes, Subcommand> f : commands) {
            Subcommand c = f.apply(this);
            // A later subcommand of the same name replaces the earlier one in place (the process file's declare).
            int same = built.stream().map(Subcommand::name).toList().indexOf(c.name());
            if (same >= 0) {
                built.set(same, c);
            } else {
                built.add(c);
            }
            byWord.put(c.name(), c);
            c.aliases().forEach(a -> byWord.put(a, c));
        }
        this.commands = List.copyOf(built);
    }

    /**
     * @param zone time zone for times shown to users ({@code INCIDENT_TIMEZONE})
     * @return every subcommand of the bot, in help order
     */
    public static Routes standard(IncidentService incidents, Clock clock, ZoneId zone) {
        return standard(incidents, clock, zone, List.of());
    }

    /** As above, with integrations' subcommands (e.g. the pager's {@code page}) after the standard ones. */
    public static Routes standard(IncidentService incidents, Clock clock, ZoneId zone,
                                  List<Function<Routes, Subcommand>> extra) {
        List<Function<Routes, Subcommand>> all = new ArrayList<>(List.of(
                r -> new DeclareCommand(incidents),
                r -> new ListCommand(incidents.queries(), clock),
                r -> new StatsCommand(incidents.queries(), zone),
                r -> new HelpCommand(r),
                r -> new StatusCommand(incidents),
                r -> new SeverityCommand(incidents),
                r -> new LeadCommand(incidents),
                r -> new InviteCommand(incidents),
                r -> new RoleCommand(incidents),
                r -> new NoteCommand(incidents),
                r -> new UpdateCommand(incidents),
                r -> new ActionCommand(incidents, clock, zone),
                r -> new ResolveCommand(incidents),
                r -> new PostmortemCommand(incidents),
                r -> new TimelineCommand(incidents.queries(), zone),
                r -> StuckIncidentCommand.retry(incidents),
                r -> StuckIncidentCommand.cancel(incidents),
                r -> new ChangesCommand(incidents.queries())));
        all.addAll(extra);
        return new Routes(incidents, all);
    }

    /**
     * @param word a subcommand's name or alias
     * @return the subcommand registered so far under it (an integration's may wrap it), or null
     */
    public Subcommand command(String word) {
        return byWord.get(word);
    }

    /**
     * @return the answer
     * @throws NotAnIncidentChannelException when a channel-scoped subcommand runs elsewhere
     * @throws io.incidentbot.incident.IncidentException when the domain refuses
     */
    public Reply run(Invocation in) {
        String[] parts = split(in);
        String word = parts[0];
        String rest = parts[1];
        Subcommand c = byWord.get(word);
        if (c == null) {
            Subcommand help = byWord.get("help");
            String notes = help == null ? null : help.helpNotes();
            String answer = word.isEmpty() ? help() : notUnderstood(word);
            return Reply.say(notes == null ? answer : answer + "\n\n" + notes);
        }
        if (c.channelScoped() && incidents.queries().findByChannel(in.channelId()).isEmpty()) {
            throw new NotAnIncidentChannelException(word);
        }
        return c.run(in, rest);
    }

    /**
     * The incident an invocation concerns, for the {@code incident} log field while it is handled: the
     * number its subcommand names ({@code retry 12}), else, for a channel-scoped subcommand, the incident
     * of the channel it runs in. Anywhere-subcommands ({@code declare}, {@code list}, {@code stats}) and
     * unknown words concern none.
     *
     * @return the incident number, empty for none
     * @throws RuntimeException when the database cannot be read
     */
    public Optional<Long> concerns(Invocation in) {
        String[] parts = split(in);
        Subcommand c = byWord.get(parts[0]);
        if (c == null) {
            return Optional.empty();
        }
        Long named = c.namedIncident(parts[1]);
        if (named != null) {
            return Optional.of(named);
        }
        return c.channelScoped() ? incidents.queries().findByChannel(in.channelId()).map(Incident::number) : Optional.empty();
    }

    /** @return {first word in lowercase, the rest stripped} */
    private static String[] split(Invocation in) {
        String text = in.text() == null ? "" : in.text().strip();
        String[] parts = text.split("\\s+", 2);
        return new String[] {parts[0].toLowerCase(Locale.ROOT), parts.length > 1 ? parts[1].strip() : ""};
    }

    /** Farthest (in edits) a mistyped word may be from a subcommand to be suggested. */
    static final int SUGGEST_DISTANCE = 2;

    /**
     * @param word an unknown first word, lowercase
     * @return which word was not understood, the nearest subcommand (Levenshtein distance at most
     *         {@link #SUGGEST_DISTANCE}, where swapped letters, the commonest typo, count as one edit: a
     *         subcommand with exactly the word's letters wins its tie, so {@code stauts} is {@code status},
     *         not {@code stats}) when there is one, then the short help
     */
    String notUnderstood(String word) {
        String shown = word.length() > 30 ? word.substring(0, 30) + "…" : word;
        shown = shown.replaceAll("[`<>&*_~]", "");
        LevenshteinDistance distance = new LevenshteinDistance(SUGGEST_DISTANCE);
        String nearest = null;
        int best = Integer.MAX_VALUE;
        for (String known : byWord.keySet()) {
            int edits = distance.apply(word, known);
            // twice the edits, one less when the letters are the same (a swap): ties go to the anagram
            int d = edits < 0 ? -1 : 2 * (sameLetters(word, known) ? Math.min(edits, 1) : edits)
                    - (sameLetters(word, known) ? 1 : 0);
            if (d >= 0 && d < best) {
                best = d;
                nearest = known;
            }
        }
        return "I don't know `" + shown + "`." + (nearest == null ? "" : " Did you mean `/incident " + nearest + "`?")
                + "\n" + shortHelp();
    }

    private static boolean sameLetters(String a, String b) {
        char[] x = a.toCharArray();
        char[] y = b.toCharArray();
        java.util.Arrays.sort(x);
        java.util.Arrays.sort(y);
        return java.util.Arrays.equals(x, y);
    }

    /** @return one line naming every subcommand, and where the full help is */
    public String shortHelp() {
        return "Subcommands: " + commands.stream().map(c -> "`" + c.name() + "`").collect(Collectors.joining(", "))
                + ". `/incident help` explains each.";
    }

    /** @return the ephemeral help text: every subcommand's usage, those that run anywhere first */
    public String help() {
        List<String> lines = new ArrayList<>();
        lines.add("*`/incident` — incident response*");
        lines.add("*Anywhere*");
        commands.stream().filter(c -> !c.channelScoped()).forEach(c -> lines.addAll(helpLines(c)));
        lines.add("*In an incident channel*");
        commands.stream().filter(Subcommand::channelScoped).forEach(c -> lines.addAll(helpLines(c)));
        lines.add("Messages, thread replies, :pushpin: reactions and pins in the incident channel become the timeline.");
        return String.join("\n", lines);
    }

    private static List<String> helpLines(Subcommand c) {
        String aka = c.aliases().isEmpty() ? ""
                : " (or " + c.aliases().stream().map(a -> "`" + a + "`").collect(Collectors.joining(", ")) + ")";
        return c.usage().stream().map(u -> "• `/incident " + u.syntax() + "`" + aka + " — " + u.what()).toList();
    }
}
