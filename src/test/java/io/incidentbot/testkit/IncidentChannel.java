package io.incidentbot.testkit;

import io.incidentbot.incident.Incident;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An incident declared through {@code /incident declare} in a running bot, once its channel exists
 * and its header is posted; with shortcuts to send events into its channel and read its state back.
 */
public final class IncidentChannel {
    private static final Pattern NUMBER = Pattern.compile("Declared incident (\\d+)");

    private final RunningBot bot;
    public final long number;
    public final String id;

    private IncidentChannel(RunningBot bot, long number, String id) {
        this.bot = bot;
        this.number = number;
        this.id = id;
    }

    /**
     * Declares an incident as {@code user} and waits for its channel and header message.
     *
     * @param declare the text after {@code /incident}, e.g. {@code declare sev2 DB down}
     */
    public static IncidentChannel declare(RunningBot bot, String declare, String user) {
        String reply = bot.client.say(declare, user, "CGENERAL1");
        Matcher m = NUMBER.matcher(reply);
        assertThat(m.find()).as("declare answer: %s", reply).isTrue();
        long number = Long.parseLong(m.group(1));
        SlackStandIn.await("incident " + number + " header posted", 10,
                () -> find(bot, number).headerTs() != null);
        return new IncidentChannel(bot, number, find(bot, number).channelId());
    }

    /** @return this incident as seen by another bot on the same database (after a restart) */
    public IncidentChannel in(RunningBot other) {
        return new IncidentChannel(other, number, id);
    }

    private static Incident find(RunningBot bot, long number) {
        return bot.bot.storage().transaction(r -> r.incidents().find(number)).orElseThrow();
    }

    /** @return the incident as stored now */
    public Incident incident() {
        return find(bot, number);
    }

    /** @return every timeline entry, deleted ones included, in timeline order */
    public List<TimelineEntry> entries() {
        return bot.bot.storage().transaction(r -> r.timeline().list(number));
    }

    /** @return the message entries only (what people wrote), deleted ones included */
    public List<TimelineEntry> messages() {
        return entries().stream().filter(e -> e.kind() == EntryKind.MESSAGE).toList();
    }

    /** @return the entries of one kind */
    public List<TimelineEntry> entries(EntryKind kind) {
        return entries().stream().filter(e -> e.kind() == kind).toList();
    }

    /** @return the message entry with this {@code ts} */
    public TimelineEntry message(String ts) {
        return messages().stream().filter(e -> ts.equals(e.ts())).findFirst()
                .orElseThrow(() -> new AssertionError("no entry for ts " + ts + " in " + messages()));
    }

    /** @return participants' user IDs in order of first appearance */
    public List<String> participants() {
        return bot.bot.storage().transaction(r -> r.participants().list(number)).stream()
                .map(p -> p.userId()).toList();
    }

    /** Sends {@code event} in a fresh envelope and checks Slack would get 200. */
    public HttpResponse<String> send(Map<String, Object> event) {
        HttpResponse<String> r = bot.client.event(SlackEvents.envelope(event), Map.of());
        assertThat(r.statusCode()).as("answer to %s: %s", event.get("type"), r.body()).isEqualTo(200);
        return r;
    }

    /** @return the ephemeral answer to {@code /incident <text>} run in this channel by {@code user} */
    public String say(String text, String user) {
        return bot.client.say(text, user, id);
    }
}
