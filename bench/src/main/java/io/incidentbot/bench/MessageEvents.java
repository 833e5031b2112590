package io.incidentbot.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.incidentbot.testkit.SlackEvents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded stream of Events API {@code message} events for one channel, built with the test kit's
 * {@link SlackEvents} (Slack's envelope and message shapes). Every envelope has a fresh {@code event_id}
 * and a fresh message {@code ts}; a share of them are thread replies whose {@code thread_ts} is an
 * earlier top-level message of the same channel. Not thread-safe: build bodies before sending them.
 */
final class MessageEvents {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] LINES = {
            "p99 on checkout is at 4.2s, error rate 7%, started around 02:10",
            "I see connection pool exhaustion on orders-db-primary: 200/200 active",
            "rolling back deploy 2026.11.21-3 of orders-api now",
            "rollback done on 3 of 12 pods, the rest are draining",
            "Grafana: <https://grafana.example.com/d/orders?from=now-1h|orders dashboard> shows the spike",
            "anyone touched the pgbouncer config today? `max_client_conn` looks different",
            "customer support reports failed payments in EU, ~40 tickets so far",
            "I'll take comms, drafting an update for the status page",
            "replica lag is 38s on orders-db-replica-2, reads are stale",
            "can we fail over to the standby? it is healthy according to patroni",
            "```SELECT count(*) FROM pg_stat_activity WHERE state = 'idle in transaction';\n-- 187```",
            "that's the culprit: a long-running migration holds a lock on `order_items`",
            "killing pid 48213 on the primary",
            "error rate back under 1%, watching for 15 minutes before calling it",
            "paging the payments on-call as well, their retries are amplifying this",
            "feature flag `checkout-v2-batching` turned off in prod",
            "latency graphs look normal again, p99 310ms",
            "we should add an alert on lock wait time, adding a follow-up",
            "did the 02:00 cron run? the backfill job shares the same pool",
            "yes, backfill-orders started 02:00:07 and is still running",
            "pausing the backfill, we'll rerun it off-peak",
            "EU traffic recovered, US still shows elevated 5xx from the edge",
            "edge 5xx were cached error pages, purging the CDN now",
            "purge complete, 5xx from the edge at baseline",
            "thanks all, moving to monitoring",
    };
    private static final String[] REPLIES = {
            "+1", "confirmed from my side", "on it", "seeing the same in us-east", "which pod?",
            "not yet, give me 2 minutes", "done", "can you paste the query?", "good catch",
            "I'd rather not fail over while the backfill is running", "ack, holding",
    };

    private final Random random;
    private final String channel;
    private final List<String> users;
    private final double replyShare;
    private long tsMicros;
    private final List<String[]> parents = new ArrayList<>();
    private int replies;

    /**
     * @param channel      the incident channel ID
     * @param users        authors to pick from
     * @param replyShare   share of thread replies, e.g. 0.2
     * @param firstTsMicros the first message's {@code ts}, epoch microseconds
     * @param seed         random seed
     */
    MessageEvents(String channel, List<String> users, double replyShare, long firstTsMicros, long seed) {
        this.channel = channel;
        this.users = List.copyOf(users);
        this.replyShare = replyShare;
        this.tsMicros = firstTsMicros;
        this.random = new Random(seed);
    }

    /** @return how many thread replies were built so far */
    int replies() {
        return replies;
    }

    /**
     * @param gapMicros distance between this message's {@code ts} and the previous one's
     * @return the JSON body of the next envelope
     */
    String next(long gapMicros) {
        tsMicros += gapMicros;
        String ts = String.format("%d.%06d", tsMicros / 1_000_000, tsMicros % 1_000_000);
        String user = users.get(random.nextInt(users.size()));
        boolean reply = !parents.isEmpty() && random.nextDouble() < replyShare;
        Map<String, Object> event;
        if (reply) {
            String[] parent = parents.get(parents.size() - 1 - random.nextInt(Math.min(parents.size(), 200)));
            event = SlackEvents.reply(channel, user, ts, parent[0], REPLIES[random.nextInt(REPLIES.length)]);
            event.put("parent_user_id", parent[1]);
            replies++;
        } else {
            String text = LINES[random.nextInt(LINES.length)];
            if (random.nextInt(4) == 0) {
                text = "<@" + users.get(random.nextInt(users.size())) + "> " + text;
            }
            event = SlackEvents.message(channel, user, ts, text);
            parents.add(new String[] {ts, user});
        }
        try {
            return JSON.writeValueAsString(SlackEvents.envelope(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
