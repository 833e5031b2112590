package io.incidentbot.pager.oncall;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Transactions;
import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.outbox.Payloads;
import io.incidentbot.outbox.TestClock;
import io.incidentbot.pager.PagerKind;
import io.incidentbot.testkit.SlackStandIn;
import io.incidentbot.testkit.TempDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An escalation message due in the second after a declare, before the incident's channel exists (the bot checks
 * every 10 s, the channel is created by the outbox right after the declare): it waits for the channel, to link it in
 * "in #channel"; a channel that never comes (Slack down) holds the page at most {@link EscalationDms#CHANNEL_WAIT}.
 */
class EscalationDmChannelTest {
    private static final Instant T0 = Instant.parse("2026-12-08T03:00:00Z");

    @RegisterExtension
    final TempDatabase db = new TempDatabase();
    final TestClock clock = new TestClock(T0);
    SlackStandIn slack;
    EscalationDms dms;

    @BeforeEach
    void open() throws Exception {
        slack = new SlackStandIn();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        dms = new EscalationDms(Slack.getInstance(config).methods(SlackStandIn.BOT_TOKEN),
                Transactions.withoutSubscribers(db.storage(), clock));
    }

    @AfterEach
    void close() throws Exception {
        slack.close();
    }

    /** @return incident 1, SEV1, paged through the Slack escalation at T0, its channel not created yet */
    private long pagedWithoutChannel() {
        return db.storage().transaction(r -> {
            long n = r.incidents().create("Checkout down", Severity.SEV1, false, null, "U0ALICE01", T0).number();
            r.pages().triggered(n, PagerKind.SLACK, "incident-bot-" + n, null, T0);
            return n;
        });
    }

    private static OutboxJob job(long n) {
        return new OutboxJob(7, n, EscalationDm.SUBSCRIBER, EscalationDm.KIND,
                Payloads.write(new EscalationDm(n, 0, 0, "U0ONCALL1")), 0, T0, T0);
    }

    @Test
    void aMessageDueBeforeTheChannelExistsWaitsForItAndThenLinksIt() {
        long n = pagedWithoutChannel();
        EscalationDm dm = new EscalationDm(n, 0, 0, "U0ONCALL1");

        Outcome early = dms.deliver(job(n), dm);

        assertThat(early.type()).isEqualTo(Outcome.Type.RETRY);
        assertThat(early.retryAfter()).isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(slack.calls("chat.postMessage")).as("nothing sent without the channel's link").isEmpty();

        db.storage().run(r -> r.incidents().setChannel(n, "C0INC0001", "inc-1-checkout-down"));
        clock.advance(Duration.ofSeconds(1));
        assertThat(dms.deliver(job(n), dm).type()).isEqualTo(Outcome.Type.DONE);

        assertThat(slack.calls("chat.postMessage")).singleElement()
                .satisfies(c -> assertThat(c.arg("text")).contains("incident " + n + ": *Checkout down* in <#C0INC0001>"));
    }

    @Test
    void aChannelThatDoesNotComeHoldsThePageAtMostTheWaitThenItIsSentWithoutTheLink() {
        long n = pagedWithoutChannel();
        EscalationDm dm = new EscalationDm(n, 0, 0, "U0ONCALL1");
        clock.advance(EscalationDms.CHANNEL_WAIT);

        assertThat(dms.deliver(job(n), dm).type()).isEqualTo(Outcome.Type.DONE);

        assertThat(slack.calls("chat.postMessage")).singleElement()
                .satisfies(c -> assertThat(c.arg("text")).contains("*SEV1* incident " + n + ": *Checkout down*. Acknowledge"));
    }
}
