package io.incidentbot.trackers.slack;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentQueries;
import io.incidentbot.slack.commands.Subcommand;
import io.incidentbot.store.Storage;
import io.incidentbot.trackers.FollowUpRecord;
import io.incidentbot.trackers.FollowUps;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code /incident followups [open|mine|<n>]} and {@code /incident followups retry <id>} (issue 22): an ephemeral list,
 * two short lines per follow-up ({@link FollowUpLines}: state, owner, due, priority, tracker link or the tracker's
 * refusal). Without a word: the follow-ups of the incident whose channel it is run in, else the caller's open ones.
 * {@code open}: every open follow-up of an incident the caller may see; {@code mine}: the caller's open ones;
 * {@code <n>}: incident n's. {@code retry <id>} offers a follow-up's refused tracker issue again (as the
 * <em>Create issue</em> button does). At most {@value #MAX_SHOWN} are listed.
 */
public final class FollowUpsCommand implements Subcommand {
    /** Most follow-ups in one answer. */
    static final int MAX_SHOWN = 25;
    private static final String SYNTAX = "followups [open|mine|<incident number>]";
    private static final String CHANGE_SYNTAX = "followups done|wontdo|reopen <follow-up id>";
    private static final java.util.regex.Pattern CHANGE = java.util.regex.Pattern.compile(
            "(done|wontdo|won't do|won’t do|reopen)\\s+#?(\\d{1,18})");

    private final FollowUps followUps;
    private final IncidentQueries queries;
    private final Storage storage;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param followUps the follow-up use cases ({@code retry})
     * @param queries   who may see which incident
     * @param storage   the follow-ups' reads
     * @param clock     "today", for overdue
     * @param zone      {@code INCIDENT_TIMEZONE}
     */
    public FollowUpsCommand(FollowUps followUps, IncidentQueries queries, Storage storage, Clock clock, ZoneId zone) {
        this.followUps = followUps;
        this.queries = queries;
        this.storage = storage;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "followups";
    }

    @Override
    public List<String> aliases() {
        return List.of("follow-ups");
    }

    @Override
    public List<Usage> usage() {
        return List.of(new Usage(SYNTAX, "list follow-ups: this incident's, all open, yours, or incident n's"),
                new Usage("followups retry <follow-up id>", "offer a follow-up refused by its tracker again"),
                new Usage(CHANGE_SYNTAX, "close a follow-up (done, won't do) or open it again"));
    }

    @Override
    public boolean channelScoped() {
        return false;
    }

    @Override
    public Reply run(Invocation in, String rest) {
        String user = in.userId();
        String word = rest.strip().toLowerCase(java.util.Locale.ROOT);
        if (word.startsWith("retry")) {
            return retry(word.substring(5).strip().replace("#", ""), user);
        }
        java.util.regex.Matcher change = CHANGE.matcher(word);
        if (change.matches() || word.matches("(done|wontdo|reopen)\\b.*")) {
            return change.matches() ? change(change.group(1), Long.parseLong(change.group(2)), user) : Reply.usage(CHANGE_SYNTAX);
        }
        Optional<Incident> here = queries.findByChannel(in.channelId()).filter(i -> queries.findVisible(i.number(), user).isPresent());
        String title;
        List<FollowUpRecord> found;
        if (word.matches("\\d{1,12}") || word.isEmpty() && here.isPresent()) {
            long n = word.isEmpty() ? here.get().number() : Long.parseLong(word);
            if (queries.findVisible(n, user).isEmpty()) {
                return Reply.say("There is no incident " + n + " you can see.");
            }
            title = "Follow-ups of incident " + n;
            found = storage.read(r -> r.trackers().list(n));
        } else if (word.equals("open")) {
            title = "Open follow-ups";
            found = visible(storage.read(r -> r.trackers().open(500)), user);
        } else if (word.equals("mine") || word.isEmpty()) {
            title = "Your open follow-ups";
            found = visible(storage.read(r -> r.trackers().openOwnedBy(user)), user);
        } else {
            return Reply.usage(SYNTAX);
        }
        return Reply.say(render(title, found, LocalDate.ofInstant(clock.instant(), zone)));
    }

    private List<FollowUpRecord> visible(List<FollowUpRecord> all, String user) {
        Map<Long, Boolean> seen = new HashMap<>();
        Function<Long, Boolean> may = n -> seen.computeIfAbsent(n, k -> queries.findVisible(k, user).isPresent());
        return all.stream().filter(f -> may.apply(f.incident())).toList();
    }

    static String render(String title, List<FollowUpRecord> found, LocalDate today) {
        if (found.isEmpty()) {
            return "*" + title + "*: none.";
        }
        StringBuilder s = new StringBuilder("*").append(title).append("* (").append(found.size()).append(")");
        found.stream().limit(MAX_SHOWN).forEach(f -> s.append('\n').append(FollowUpLines.line(f, today)));
        if (found.size() > MAX_SHOWN) {
            s.append("\n…and ").append(found.size() - MAX_SHOWN).append(" more.");
        }
        return s.toString();
    }

    /** Closes or reopens a follow-up, as its buttons do ({@link FollowUps#set}); the channel's message follows. */
    private Reply change(String what, long id, String user) {
        Optional<FollowUpRecord> f = followUps.find(id);
        if (f.isEmpty() || queries.findVisible(f.get().incident(), user).isEmpty()) {
            return Reply.say("There is no follow-up #" + id + " you can see.");
        }
        io.incidentbot.trackers.FollowUpState state = what.equals("done") ? io.incidentbot.trackers.FollowUpState.DONE
                : what.equals("reopen") ? io.incidentbot.trackers.FollowUpState.OPEN : io.incidentbot.trackers.FollowUpState.WONT_DO;
        FollowUps.Change c = followUps.set(id, state, user).orElseThrow();
        String word = state.word().replace("wont_do", "won't do");
        return Reply.say((c.changed() ? "Follow-up #" + id + " is now " + word : "Follow-up #" + id + " is " + word + " already")
                + ": " + FollowUpLines.text(c.followUp()));
    }

    private Reply retry(String id, String user) {
        Optional<FollowUpRecord> f = id.matches("\\d{1,18}") ? followUps.find(Long.parseLong(id)) : Optional.empty();
        if (f.isEmpty() || queries.findVisible(f.get().incident(), user).isEmpty()) {
            return Reply.usage("followups retry <follow-up id>");
        }
        if (f.get().link() == null || f.get().link().status() != io.incidentbot.trackers.TrackerLink.Status.FAILED) {
            return Reply.say("Follow-up #" + f.get().id() + " has no refused tracker issue to retry.");
        }
        FollowUps.Exported e = followUps.export(f.get().id(), user).orElseThrow();
        return Reply.say(e.what() == FollowUps.Export.QUEUED ? "Creating its " + e.followUp().link().provider()
                + " issue again: " + FollowUpLines.text(e.followUp()) : "It is being retried already.");
    }
}
