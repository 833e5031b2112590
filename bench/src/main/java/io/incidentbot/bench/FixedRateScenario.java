package io.incidentbot.bench;

import io.incidentbot.testkit.SlackStandIn;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Scenario 2: events at a fixed rate while a share of the Web API calls stall (the test kit's stand-in,
 * {@link SlackStandIn.Fault#STALL}), with a {@code note} command every so often so that stalled calls
 * happen while events arrive.
 */
final class FixedRateScenario {
    private final Settings s;
    private final SlackStandIn slack;
    private final List<String> users;

    FixedRateScenario(Settings s, SlackStandIn slack, List<String> users) {
        this.s = s;
        this.slack = slack;
        this.users = users;
    }

    /** Scenario 2: a fixed event rate while the Web API stalls, with a note command every so often. */
    Report.FixedRate run(LoadGenerator load, MessageEvents events, IncidentDb.IncidentChannel incident, IncidentDb db)
            throws Exception {
        int rate = s.integer("RATE");
        int seconds = s.integer("DURATION");
        long gap = Math.max(1, 1_000_000L / rate);
        int replies0 = events.replies();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < rate * seconds; i++) {
            bodies.add(events.next(gap));
        }
        int replies = events.replies() - replies0;
        long before = db.messageEntries(incident.number());
        Map<String, Integer> calls0 = slack.callCounts();
        int stalls0 = stalls(slack);
        slack.stallFor(java.time.Duration.ofMillis(s.integer("STALL_MS")));
        slack.faults(s.decimal("STALL_SHARE"), s.integer("SEED"), SlackStandIn.Fault.STALL);
        // Commands that make Web API calls (the echo of a note), so stalled calls happen while events arrive.
        List<Long> commandNanos = new java.util.concurrent.CopyOnWriteArrayList<>();
        Map<Integer, Integer> commandStatuses = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        int every = s.integer("NOTE_EVERY_MS");
        Thread notes = new Thread(() -> {
            int k = 0;
            while (!stop.get() && every > 0) {
                try {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = load.command("note bench note " + (++k) + ": still watching the p99",
                            users.get(k % users.size()), incident.channelId());
                    commandNanos.add(System.nanoTime() - t0);
                    commandStatuses.merge(r.statusCode(), 1, Integer::sum);
                    Thread.sleep(Math.max(0, every - (System.nanoTime() - t0) / 1_000_000));
                } catch (InterruptedException e) {
                    return;
                } catch (IOException e) {
                    commandStatuses.merge(-1, 1, Integer::sum);
                }
            }
        }, "notes");
        BenchMain.log("incident-bot: scenario 2, " + rate + " events/s for " + seconds + " s (" + replies + " thread replies), "
                + "a note every " + every + " ms, " + (int) (100 * s.decimal("STALL_SHARE")) + "% of Web API calls stall "
                + s.integer("STALL_MS") + " ms");
        notes.start();
        LoadGenerator.Result r;
        try {
            r = load.fixedRate(bodies, rate, 5000);
        } finally {
            stop.set(true);
            notes.join(30_000);
            slack.faults(0, 0);
        }
        Report.FixedRate out = new Report.FixedRate(r, bodies.size(), replies);
        out.stored = BenchMain.settle(() -> db.messageEntries(incident.number()), before + bodies.size()) - before;
        out.commandLatencies = Latencies.of(commandNanos.stream().mapToLong(Long::longValue).toArray());
        out.commandStatuses = new java.util.TreeMap<>(commandStatuses);
        Map<String, Integer> calls1 = slack.callCounts();
        Map<String, Integer> during = new java.util.TreeMap<>();
        calls1.forEach((m, v) -> {
            int d = v - calls0.getOrDefault(m, 0);
            if (d > 0) {
                during.put(m, d);
            }
        });
        out.webApiCalls = during;
        out.stalls = stalls(slack) - stalls0;
        BenchMain.log(String.format("incident-bot: scenario 2 p99 %.1f ms, statuses %s, stored %d of %d, Web API calls %s, stalled %d",
                r.stats().p99(), r.statuses(), out.stored, bodies.size(), during, out.stalls));
        if (r.firstError() != null) {
            BenchMain.log("incident-bot: first failure: " + r.firstError());
        }
        return out;
    }

    /** @return how many Web API calls the stand-in stalled so far */
    private static int stalls(SlackStandIn slack) {
        return slack.faultCounts().getOrDefault(SlackStandIn.Fault.STALL, 0);
    }
}
