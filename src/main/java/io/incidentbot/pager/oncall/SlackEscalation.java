package io.incidentbot.pager.oncall;

import io.incidentbot.outbox.Payloads;
import io.incidentbot.store.Repositories;
import io.incidentbot.store.Storage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Escalation in Slack for teams with no pager (issue 21): step 1 of the on-call file's policy is messaged when the
 * page is due, each next step after the previous step's minutes without an acknowledgement, and after the last step
 * the policy repeats up to {@code INCIDENT_PAGE_REPEAT} times. The next step is one row per incident
 * ({@link io.incidentbot.store.EscalationRepository}), claimed once across replicas and kept across restarts; an
 * acknowledgement or resolve deletes it, so nothing is sent after either.
 */
public final class SlackEscalation {
    /** Most due steps handled per {@link #sendDue} call. */
    public static final int BATCH = 50;

    private final OncallPolicy policy;
    private final int repeat;
    private final Storage storage;
    private final Clock clock;

    /**
     * One direct message to send: the step's recipients, who are asked to acknowledge or join.
     *
     * @param incident   incident number
     * @param step       the step's index (0 = step 1)
     * @param round      the pass through the policy (0 = first)
     * @param recipients Slack user IDs
     * @param at         when it was claimed
     */
    public record Message(long incident, int step, int round, List<String> recipients, Instant at) {
    }

    /**
     * @param policy  the on-call file
     * @param repeat  {@code INCIDENT_PAGE_REPEAT}: passes after the first
     * @param storage where due steps live
     * @param clock   the clock (tests set it)
     */
    public SlackEscalation(OncallPolicy policy, int repeat, Storage storage, Clock clock) {
        this.policy = policy;
        this.repeat = repeat;
        this.storage = storage;
        this.clock = clock;
    }

    /** Starts (or restarts) the incident's escalation at step 1, due now; call in the page's transaction. */
    public void start(Repositories r, long incident, Instant at) {
        r.escalations().schedule(incident, 0, 0, at);
    }

    /** Stops the incident's escalation (acknowledged or resolved); call in that change's transaction. */
    public void stop(Repositories r, long incident) {
        r.escalations().stop(incident);
    }

    /**
     * Queues the withdrawal of the incident's sent direct messages ({@link EscalationDms}: "Resolved by @user, no
     * action needed", buttons removed); call in the resolve's transaction, next to {@link #stop}.
     *
     * @param resolvedBy Slack user ID of who resolved the incident, or null
     */
    public void withdraw(Repositories r, long incident, String resolvedBy, Instant at) {
        withdraw(r, new EscalationDm.Withdraw(incident, resolvedBy), at);
    }

    /**
     * The page was acknowledged (in Slack or in a pager): stops the escalation and queues the withdrawal of the
     * direct messages sent ("Acknowledged by &lt;@U..&gt;, no action needed", buttons removed); call in the
     * acknowledgement's transaction.
     *
     * @param acknowledgedBy who acknowledged, as shown: {@code <@U..>}, or a name and its pager
     */
    public static void acknowledged(Repositories r, long incident, String acknowledgedBy, Instant at) {
        r.escalations().stop(incident);
        withdraw(r, new EscalationDm.Withdraw(incident, null, acknowledgedBy), at);
    }

    private static void withdraw(Repositories r, EscalationDm.Withdraw w, Instant at) {
        r.outbox().enqueue(w.incident(), EscalationDm.SUBSCRIBER, EscalationDm.WITHDRAW, Payloads.write(w), at);
    }

    /**
     * Claims every step due now and schedules each incident's next one, in one transaction per step; in the same
     * transaction one outbox job per recipient ({@link EscalationDm}) is queued, so a claimed step is sent even if
     * this replica dies right after. Called every 10 s by the bot ({@link #sendDueQuietly}).
     *
     * @return the messages claimed by this replica (another replica gets the others)
     */
    public List<Message> sendDue() {
        Instant now = clock.instant();
        List<Message> out = new ArrayList<>();
        for (var due : storage.read(r -> r.escalations().due(now, BATCH))) {
            Optional<Message> m = storage.transaction(r -> {
                if (!r.escalations().claim(due.incident(), due.step(), due.round(), now)) {
                    return Optional.<Message>empty();
                }
                int step = due.step() + 1;
                int round = due.round();
                if (step == policy.steps().size()) {
                    step = 0;
                    round++;
                }
                if (round <= repeat) {
                    r.escalations().schedule(due.incident(), step, round,
                            now.plus(policy.steps().get(due.step()).waitFor()));
                }
                Message message = new Message(due.incident(), due.step(), due.round(), policy.recipients(due.step(), now), now);
                for (String user : message.recipients()) {
                    r.outbox().enqueue(due.incident(), EscalationDm.SUBSCRIBER, EscalationDm.KIND,
                            Payloads.write(new EscalationDm(due.incident(), due.step(), due.round(), user)), now);
                }
                return Optional.of(message);
            });
            m.ifPresent(out::add);
        }
        return out;
    }

    /** {@link #sendDue}, logging instead of throwing (the periodic task must keep running). */
    public void sendDueQuietly() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(SlackEscalation.class).warn("Slack escalation check failed", e);
        }
    }

    /** @return the on-call file this escalation follows */
    public OncallPolicy policy() {
        return policy;
    }
}
