package io.incidentbot.bench;

import io.incidentbot.testkit.LongIncident;
import io.incidentbot.timeline.SlackTs;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a seeded synthetic Slack workspace export for scenario 5, in the shape of
 * {@code samples/export/} (what {@code incident-bot import} reads): {@code channels.json},
 * {@code users.json} and the incident channel's folder of UTC day files, pretty-printed as Slack writes
 * them. Messages look like a real export's: {@code client_msg_id}, {@code user_profile}, rich-text
 * {@code blocks}; a quarter are thread replies, some carry reactions (a few {@code :pushpin:}), edits and
 * files; every participant's {@code channel_join} opens the first day, this bot's status posts and
 * another bot's alerts are among them. The first day is the busiest ({@code busyShare} of the messages,
 * e.g. 20,000 of 100,000), the rest spread evenly over the other days, each day's messages in time order.
 */
final class SyntheticExport {
    static final String CHANNEL = "inc-7-checkout-failing";
    private static final int PEOPLE = 40;
    private static final String BOT = "U0SYNTHBOT";
    private static final String[] TEXT = {
            "p99 on checkout is at 4.2s, error rate 7%, started around 21:10",
            "I see connection pool exhaustion on orders-db-primary: 200/200 active (<@U0SYNTH002> can you confirm?)",
            "rolling back deploy 2026.11.21-3 of orders-api now",
            "Grafana: <https://grafana.example.com/d/orders?var=1|orders dashboard> shows the spike",
            "```SELECT count(*) FROM pg_stat_activity WHERE state = 'idle in transaction';```",
            "that's the culprit: a long-running migration holds a lock on `order_items` &amp; blocks writes",
            "customer support reports failed payments in EU, ~40 tickets so far",
            "replica lag is 12s on orders-db-replica-2, reads are stale",
            "feature flag `checkout-v2-batching` turned off in prod in <#C0GENERAL1|general>",
            "error rate back under 1%, watching for 30 minutes before calling it",
    };
    private static final String[] REPLY = LongIncident.replies("done, took 4 minutes", "can you paste the query?",
            "good catch", "holding until 23:00");

    /** What was written: message counts and bytes on disk. */
    record Summary(int messages, int days, int busiestDay, long bytes) {
    }

    private SyntheticExport() {
    }

    /**
     * @param dir       an empty folder to write the export into
     * @param messages  messages in the incident channel, all kinds (joins and bot posts included)
     * @param days      day files to spread them over (at least 1)
     * @param busyShare share of the messages in the first day's file
     */
    static Summary write(Path dir, int messages, int days, double busyShare, long seed) throws IOException {
        Random rnd = new Random(seed);
        JsonFactory json = new JsonFactory();
        users(json, dir.resolve("users.json"));
        channels(json, dir.resolve("channels.json"));
        Path folder = Files.createDirectories(dir.resolve(CHANNEL));
        LocalDate first = LocalDate.parse("2026-11-20");
        int busy = days == 1 ? messages : Math.max(PEOPLE + 1, (int) Math.round(messages * busyShare));
        List<String> parents = new ArrayList<>();
        int written = 0;
        long bytes = 0;
        for (int d = 0; d < days; d++) {
            int count = d == 0 ? busy : (messages - busy) / (days - 1) + (d <= (messages - busy) % (days - 1) ? 1 : 0);
            long dayStart = first.plusDays(d).atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000L;
            long step = 86_400_000_000L / (count + 1);
            Path file = folder.resolve(first.plusDays(d) + ".json");
            try (JsonGenerator g = json.createGenerator(file.toFile(), JsonEncoding.UTF8).useDefaultPrettyPrinter()) {
                g.writeStartArray();
                for (int k = 0; k < count; k++) {
                    long micros = dayStart + step * (k + 1) + rnd.nextInt((int) Math.min(step, 1_000_000));
                    String ts = ts(micros);
                    int i = written++;
                    if (i <= PEOPLE) {
                        join(g, i == 0 ? BOT : person(i), ts);
                    } else if (i == messages / 10 || i == messages * 6 / 10 || i == messages - 1) {
                        String change = i == messages / 10 ? "investigating → identified"
                                : i == messages - 1 ? "monitoring → resolved" : "identified → monitoring";
                        botPost(g, "<@" + person(1) + "> changed status: Status " + change, ts, "B0SYNTHBOT", BOT);
                    } else if (rnd.nextInt(100) == 0) {
                        botPost(g, ":fire: [FIRING:1] CheckoutLatencyHigh orders-api (p99 > 2s)", ts, "B0ALERTS01", null);
                    } else if (rnd.nextInt(4) == 0 && !parents.isEmpty()) {
                        String parent = parents.get(parents.size() - 1 - rnd.nextInt(Math.min(300, parents.size())));
                        human(g, rnd, person(1 + rnd.nextInt(PEOPLE)), REPLY[rnd.nextInt(REPLY.length)], ts, parent, i);
                    } else {
                        parents.add(ts);
                        human(g, rnd, person(1 + rnd.nextInt(PEOPLE)), TEXT[rnd.nextInt(TEXT.length)], ts, null, i);
                    }
                }
                g.writeEndArray();
            }
            bytes += Files.size(file);
        }
        return new Summary(written, days, busy, bytes);
    }

    private static String person(int i) {
        return String.format("U0SYNTH%03d", i);
    }

    private static String ts(long micros) {
        return SlackTs.fromInstant(SlackTs.fromMicros(micros));
    }

    private static void join(JsonGenerator g, String user, String ts) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "message");
        g.writeStringField("subtype", "channel_join");
        g.writeStringField("text", "<@" + user + "> has joined the channel");
        g.writeStringField("user", user);
        g.writeStringField("ts", ts);
        g.writeEndObject();
    }

    private static void botPost(JsonGenerator g, String text, String ts, String botId, String user) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "message");
        g.writeStringField("subtype", "bot_message");
        g.writeStringField("text", text);
        if (user != null) {
            g.writeStringField("user", user);
        }
        g.writeStringField("ts", ts);
        g.writeStringField("bot_id", botId);
        g.writeStringField("username", botId.equals("B0SYNTHBOT") ? "incident-bot" : "alertmanager");
        g.writeEndObject();
    }

    private static void human(JsonGenerator g, Random rnd, String user, String text, String ts, String threadTs, int i)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("client_msg_id", String.format("%08x-823c-5771-a6f7-%012x", i, rnd.nextLong() & 0xffffffffffffL));
        g.writeStringField("type", "message");
        g.writeStringField("text", text);
        g.writeStringField("user", user);
        g.writeStringField("ts", ts);
        g.writeStringField("team", "T0SYNTH");
        g.writeObjectFieldStart("user_profile");
        g.writeStringField("avatar_hash", "a3f1c9e2b7d4");
        g.writeStringField("image_72", "https://avatars.example.com/T0SYNTH/" + user + "-a3f1c9e2b7d4-72.png");
        g.writeStringField("first_name", "Person");
        g.writeStringField("real_name", "Person " + user.substring(7));
        g.writeStringField("display_name", "person-" + user.substring(7));
        g.writeStringField("team", "T0SYNTH");
        g.writeStringField("name", "person." + user.substring(7));
        g.writeBooleanField("is_restricted", false);
        g.writeBooleanField("is_ultra_restricted", false);
        g.writeEndObject();
        g.writeArrayFieldStart("blocks");
        g.writeStartObject();
        g.writeStringField("type", "rich_text");
        g.writeStringField("block_id", Integer.toString(i, 36));
        g.writeArrayFieldStart("elements");
        g.writeStartObject();
        g.writeStringField("type", "rich_text_section");
        g.writeArrayFieldStart("elements");
        g.writeStartObject();
        g.writeStringField("type", "text");
        g.writeStringField("text", text);
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        if (threadTs != null) {
            g.writeStringField("thread_ts", threadTs);
            g.writeStringField("parent_user_id", person(1));
        }
        if (rnd.nextInt(150) == 0) {
            g.writeObjectFieldStart("edited");
            g.writeStringField("user", user);
            g.writeStringField("ts", ts.substring(0, ts.indexOf('.')) + ".000000");
            g.writeEndObject();
        }
        if (rnd.nextInt(20) == 0) {
            g.writeArrayFieldStart("reactions");
            g.writeStartObject();
            g.writeStringField("name", rnd.nextInt(10) == 0 ? "pushpin" : "eyes");
            g.writeArrayFieldStart("users");
            g.writeString(person(2));
            g.writeString(person(3));
            g.writeEndArray();
            g.writeNumberField("count", 2);
            g.writeEndObject();
            g.writeEndArray();
        }
        if (rnd.nextInt(200) == 0) {
            g.writeArrayFieldStart("files");
            g.writeStartObject();
            g.writeStringField("id", "F0" + i);
            g.writeStringField("name", "graph-" + i + ".png");
            g.writeStringField("mode", "hosted");
            g.writeStringField("permalink", "https://synth.slack.com/files/" + user + "/F0" + i + "/graph.png");
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void users(JsonFactory json, Path file) throws IOException {
        try (JsonGenerator g = json.createGenerator(file.toFile(), JsonEncoding.UTF8).useDefaultPrettyPrinter()) {
            g.writeStartArray();
            for (int i = 0; i <= PEOPLE; i++) {
                String id = i == 0 ? BOT : person(i);
                g.writeStartObject();
                g.writeStringField("id", id);
                g.writeStringField("team_id", "T0SYNTH");
                g.writeStringField("name", i == 0 ? "incident-bot" : "person." + i);
                g.writeBooleanField("deleted", false);
                g.writeStringField("real_name", i == 0 ? "incident-bot" : "Person " + i);
                g.writeObjectFieldStart("profile");
                g.writeStringField("real_name", i == 0 ? "incident-bot" : "Person " + i);
                g.writeStringField("display_name", i == 0 ? "" : "person-" + i);
                g.writeEndObject();
                g.writeBooleanField("is_bot", i == 0);
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    private static void channels(JsonFactory json, Path file) throws IOException {
        try (JsonGenerator g = json.createGenerator(file.toFile(), JsonEncoding.UTF8).useDefaultPrettyPrinter()) {
            g.writeStartArray();
            g.writeStartObject();
            g.writeStringField("id", "C0SYNTH007");
            g.writeStringField("name", CHANNEL);
            g.writeNumberField("created", Instant.parse("2026-11-20T00:00:00Z").getEpochSecond());
            g.writeStringField("creator", BOT);
            g.writeObjectFieldStart("topic");
            g.writeStringField("value", "SEV1 | lead <@" + person(1) + ">");
            g.writeEndObject();
            g.writeObjectFieldStart("purpose");
            g.writeStringField("value", "Checkout failing: orders-db connection pool exhausted. Declared by incident-bot.");
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
        }
    }
}
