package io.incidentbot.reliability;

import io.incidentbot.incident.Incident;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import io.incidentbot.store.Repositories;
import io.incidentbot.testkit.ChildBot;
import io.incidentbot.testkit.PagerDutyStandIn;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.SignedClient;
import io.incidentbot.testkit.SlackEvents;
import io.incidentbot.testkit.SlackStandIn;
import io.incidentbot.testkit.TestPostgres;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static io.incidentbot.testkit.SlackStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two bot processes (child JVMs) behind an imaginary load balancer, sharing nothing but one
 * PostgreSQL database and the signing secret. Declares, messages and notes go alternately to both;
 * some events are redelivered to the other replica; one replica is killed with kill -9 mid-stream.
 * Each declare (SEV2) pages PagerDuty: one trigger request per incident reaches the stand-in (issue 21).
 */
class TwoReplicasTest {
    private static final int INCIDENTS = 6;
    private static final String PASSWORD_PARAM = "password=";

    @TempDir
    Path dir;
    private String url;

    @BeforeEach
    void database() {
        url = TestPostgres.createDatabase();
    }

    @AfterEach
    void drop() {
        TestPostgres.drop(url);
    }

    private <T> T read(Function<Repositories, T> work) {
        try (JdbiStorage storage = Database.open(url)) {
            return storage.read(work::apply);
        }
    }

    /** Replica A gets its credentials from INCIDENT_DB_USER/PASSWORD, replica B from the URL. */
    private Map<String, String> env(SlackStandIn slack, PagerDutyStandIn pagerDuty, boolean credentialsInEnv) {
        Map<String, String> env = RunningBot.env(slack, dir.resolve("unused.db"));
        env.put("INCIDENT_LEASE_SECONDS", "5");
        env.put("PAGERDUTY_ROUTING_KEY", PagerDutyStandIn.ROUTING_KEY);
        env.put("PAGERDUTY_EVENTS_URL", pagerDuty.eventsUrl().toString());
        if (credentialsInEnv) {
            PostgresUrl parts = PostgresUrl.of(url);
            env.put("INCIDENT_DB", parts.bare());
            env.put("INCIDENT_DB_USER", parts.user());
            env.put("INCIDENT_DB_PASSWORD", parts.password());
        } else {
            env.put("INCIDENT_DB", url);
        }
        return env;
    }

    private record PostgresUrl(String bare, String user, String password) {
        static PostgresUrl of(String url) {
            Map<String, String> params = new ConcurrentHashMap<>();
            for (String p : url.substring(url.indexOf('?') + 1).split("&")) {
                params.put(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
            }
            return new PostgresUrl(url.substring(0, url.indexOf('?')), params.get("user"), params.get("password"));
        }
    }

    @Test
    void nothingAcknowledgedIsLostNothingIsDoneTwiceAndNumbersHaveNoGapsAcrossReplicasAndAKill() throws Exception {
        try (SlackStandIn slack = new SlackStandIn(); PagerDutyStandIn pagerDuty = new PagerDutyStandIn()) {
            CompletableFuture<ChildBot> startA = CompletableFuture.supplyAsync(() -> start(slack, env(slack, pagerDuty, true), "a.log"));
            CompletableFuture<ChildBot> startB = CompletableFuture.supplyAsync(() -> start(slack, env(slack, pagerDuty, false), "b.log"));
            try (ChildBot a = startA.get(90, TimeUnit.SECONDS); ChildBot b = startB.get(90, TimeUnit.SECONDS)) {
                List<ChildBot> replicas = List.of(a, b);

                // Declares sent to both replicas at once.
                List<CompletableFuture<HttpResponse<String>>> declares = new ArrayList<>();
                for (int i = 0; i < INCIDENTS; i++) {
                    ChildBot to = replicas.get(i % 2);
                    String title = "Replica test " + i;
                    declares.add(CompletableFuture.supplyAsync(() -> to.client.command("declare sev2 " + title,
                            "UALICE001", "CGENERAL1")));
                }
                for (CompletableFuture<HttpResponse<String>> d : declares) {
                    assertThat(SignedClient.text(d.get(30, TimeUnit.SECONDS))).contains("Declared incident");
                }
                await("every declare's Slack work done", 60, () -> read(r -> r.outbox().pendingCount()) == 0
                        && read(r -> r.incidents().listAll()).stream().allMatch(i -> i.channelId() != null));
                List<Incident> incidents = read(r -> r.incidents().listAll());
                List<String> channels = incidents.stream().map(Incident::channelId).toList();

                Set<String> notes = ConcurrentHashMap.newKeySet();
                Set<String> messages = ConcurrentHashMap.newKeySet();
                AtomicBoolean aDead = new AtomicBoolean();
                AtomicBoolean toA = new AtomicBoolean();
                AtomicBoolean stop = new AtomicBoolean();
                Thread stream = new Thread(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        ChildBot to = aDead.get() ? b : toA.get() ? a : replicas.get(i % 2);
                        ChildBot other = to == a ? b : a;
                        String channel = channels.get(i % channels.size());
                        try {
                            if (i % 2 == 0) {
                                String ts = SlackEvents.ts(i * 1000L);
                                Map<String, Object> envelope = SlackEvents.envelope(
                                        SlackEvents.message(channel, "UBOB00001", ts, "message " + i));
                                if (to.client.event(envelope, Map.of()).statusCode() == 200) {
                                    messages.add(channel + "/" + ts);
                                }
                                if (i % 3 == 0 && !(other == a && aDead.get())) {
                                    // Slack's retry of the same event_id, to the other replica.
                                    other.client.event(envelope, Map.of("X-Slack-Retry-Num", "1",
                                            "X-Slack-Retry-Reason", "http_timeout"));
                                }
                            } else {
                                HttpResponse<String> r = to.client.command("note step " + i, "UALICE001", channel);
                                if (r.statusCode() == 200 && SignedClient.text(r).contains("Note added")) {
                                    notes.add("step " + i);
                                }
                            }
                        } catch (RuntimeException connectionLost) {
                            // a request to the killed replica: not acknowledged, so nothing is owed
                        }
                    }
                });
                stream.start();
                await("notes acknowledged by both", 60, () -> notes.size() >= 30);
                // Every Web API answer now comes 3 s late (the call is applied at once), so A is killed
                // in the middle of calls it claimed: their jobs stay pending under A's lease.
                // From here on every request goes to A until it dies: A commits the jobs and is woken at once,
                // so A (not only B, whichever polls first) holds some of them when it is killed.
                toA.set(true);
                slack.stallFor(java.time.Duration.ofSeconds(3));
                slack.faults(1.0, 7, SlackStandIn.Fault.STALL);
                String holderA = a.pid() + "@";
                await("A holds a job whose call is in flight", 60, () -> !leasedBy(holderA).isEmpty());
                // Read before the kill: once A is gone, B's lease takeover (store/LeaseTakeover, every 5 s) may take
                // A's leases at any moment. Each call is stalled 3 s, so these are still in flight at the kill.
                List<Long> orphaned = leasedBy(holderA);
                a.kill();
                aDead.set(true);
                slack.faults(0, 7);
                int atKill = notes.size();
                await("notes acknowledged by the survivor", 60, () -> notes.size() >= atKill + 20);
                stop.set(true);
                stream.join(30_000);

                await("the survivor delivers every job, the dead replica's leased ones too", 60,
                        () -> read(r -> r.outbox().pendingCount()) == 0);
                assertThat(orphaned).as("jobs A held when it was killed").isNotEmpty();

                assertThat(incidents).extracting(Incident::number)
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, INCIDENTS).boxed().toList());
                List<TimelineEntry> entries = new ArrayList<>();
                for (Incident i : incidents) {
                    entries.addAll(read(r -> r.timeline().list(i.number())));
                }
                List<String> storedNotes = entries.stream().filter(e -> e.kind() == EntryKind.NOTE)
                        .map(TimelineEntry::text).toList();
                assertThat(storedNotes).doesNotHaveDuplicates().containsAll(notes);
                Map<Long, String> channelOf = incidents.stream()
                        .collect(Collectors.toMap(Incident::number, Incident::channelId));
                List<String> storedMessages = entries.stream().filter(e -> e.kind() == EntryKind.MESSAGE)
                        .map(e -> channelOf.get(e.incident()) + "/" + e.ts()).toList();
                assertThat(storedMessages).doesNotHaveDuplicates().containsAll(messages);

                // Web API: the declares' calls once each, though two replicas delivered them.
                assertThat(slack.calls("conversations.create")).hasSize(INCIDENTS);
                assertThat(slack.channels()).hasSize(INCIDENTS);
                assertThat(slack.calls("conversations.invite")).hasSize(INCIDENTS);
                assertThat(slack.calls("conversations.setTopic")).hasSize(INCIDENTS);
                assertThat(slack.messages("CANNOUNCE1")).hasSize(INCIDENTS);
                int echoes = 0;
                for (String channel : channels) {
                    List<String> texts = slack.messages(channel).stream().map(m -> String.valueOf(m.get("text"))).toList();
                    assertThat(texts).as("channel %s", channel).doesNotHaveDuplicates();
                    assertThat(texts.stream().filter(t -> t.startsWith("Incident ")
                            || String.valueOf(t).contains("Replica test")).count()).as("one header").isGreaterThanOrEqualTo(1);
                    echoes += (int) texts.stream().filter(t -> t.contains("Note from")).count();
                }
                assertThat(echoes).as("one echo per stored note").isEqualTo(storedNotes.size());
                // Issue 21: each SEV2 declare pages once, though two replicas share the outbox and one was killed.
                assertThat(pagerDuty.received()).as("PagerDuty requests").extracting(r -> r.json().path("event_action").asText()
                        + " " + r.json().path("dedup_key").asText()).containsExactlyInAnyOrderElementsOf(LongStream
                        .rangeClosed(1, INCIDENTS).mapToObj(n -> "trigger incident-bot-" + n).toList());
                        // ... and that page is one timeline entry and one channel line per incident, written once it was accepted.
                assertThat(entries.stream().filter(e -> e.kind() == EntryKind.PAGE).map(e -> e.incident() + " " + e.text()))
                        .as("page entries").hasSize(INCIDENTS).allSatisfy(t -> assertThat(t).matches(
                                "(\\d+) Paged PagerDuty: SEV2 incident \\1: Replica test \\d"));
                assertThat(channels.stream().flatMap(c -> slack.messages(c).stream())
                        .filter(m -> String.valueOf(m.get("text")).startsWith(":pager: Paged PagerDuty"))).hasSize(INCIDENTS);
                assertThat(slack.calls("chat.postMessage").stream().filter(c -> channels.contains(c.arg("channel"))
                        && String.valueOf(c.arg("blocks")).contains("Replica test")
                        && !String.valueOf(c.arg("text")).startsWith(":pager:"))).as("headers").hasSize(INCIDENTS);
                assertThat(b.terminate()).isIn(0, 143);
            }
            String password = PostgresUrl.of(url).password();
            for (String log : List.of("a.log", "b.log")) {
                assertThat(Files.readString(dir.resolve(log))).as(log).doesNotContain(password)
                        .doesNotContain(PASSWORD_PARAM + password);
            }
        }
    }

    /** @return pending outbox jobs leased by the replica whose holder ID starts with {@code prefix} */
    private List<Long> leasedBy(String prefix) {
        try (JdbiStorage storage = Database.open(url)) {
            return storage.read(r -> ((io.incidentbot.storage.jdbi.JdbiRepositories) r).h().createQuery(
                    "SELECT id FROM outbox WHERE state = 'pending' AND lease_holder LIKE :p").bind("p", prefix + "%")
                    .mapTo(Long.class).list());
        }
    }

    private ChildBot start(SlackStandIn slack, Map<String, String> env, String log) {
        try {
            return ChildBot.start(slack, env, dir.resolve(log));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
