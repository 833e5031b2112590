package io.incidentbot.pager;

import io.incidentbot.hooks.HookRoute;
import io.incidentbot.hooks.HookRoute.Answer;
import io.incidentbot.pager.inbound.JsmOpsWebhook;
import io.incidentbot.pager.inbound.PagerDutySignature;
import io.incidentbot.pager.inbound.PagerDutyWebhook;
import io.incidentbot.pager.inbound.PagerSignal;
import io.incidentbot.pager.oncall.SlackEscalation;
import io.incidentbot.incident.IncidentEvent;
import io.incidentbot.incident.Transactions;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The pagers' inbound webhooks behind the hook front door ({@code hooks/HookHandler}, which bounds the size,
 * checks the bearer token of {@code /hooks/jsm-ops} and maps {@link io.incidentbot.hooks.MalformedPayloadException}
 * to 400): {@code POST /hooks/pagerduty} (v3 webhook subscription, signed with {@code X-PagerDuty-Signature}) and
 * {@code POST /hooks/jsm-ops} (JSM Ops / Opsgenie outgoing webhook). Each delivery is applied and committed
 * ({@link PageSignals}) before the answer: 200 applied (or a duplicate), 202 for an event or alert that is not
 * this bot's, 401 for a missing or wrong signature (nothing read into storage). A signal that changed something is
 * recorded as an {@link IncidentEvent.PageChanged} in the same unit of work (the Slack adapter posts the line,
 * refreshes the header and invites the acknowledger by email).
 */
public final class PagerHooks {
    private final PagerSettings settings;
    private final Transactions transactions;
    private final Clock clock;

    /**
     * @param settings     {@code PAGERDUTY_WEBHOOK_SECRET}
     * @param transactions units of work (pages live in their storage)
     * @param clock        receipt time
     */
    public PagerHooks(PagerSettings settings, Transactions transactions, Clock clock) {
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * @return the front door's routes: {@code pagerduty} (signed; on when {@code PAGERDUTY_WEBHOOK_SECRET} is set) and
     *         {@code jsm-ops} (bearer token; on when {@code JSM_OPS_API_KEY} is set)
     */
    public Map<String, HookRoute> routes() {
        return Map.of(
                "pagerduty", HookRoute.of(HookRoute.Auth.SIGNED, pagerDutyEnabled(),
                        (header, body) -> pagerDuty(header.apply(PagerDutySignature.HEADER), body)),
                "jsm-ops", HookRoute.of(HookRoute.Auth.BEARER, settings.jsmOpsApiKey() != null, (header, body) -> jsmOps(body)));
    }

    /** @return true when {@code /hooks/pagerduty} is on ({@code PAGERDUTY_WEBHOOK_SECRET} set) */
    public boolean pagerDutyEnabled() {
        return settings.pagerDutyWebhookSecret() != null;
    }

    /**
     * {@code POST /hooks/pagerduty}.
     *
     * @param signature the {@code X-PagerDuty-Signature} header, may be null
     * @param body      the raw body
     * @throws io.incidentbot.hooks.MalformedPayloadException for a signed body that is not a v3 webhook (400)
     */
    public Answer pagerDuty(String signature, byte[] body) {
        if (!PagerDutySignature.verify(body, signature, settings.pagerDutyWebhookSecret())) {
            return new Answer(401, "{\"error\":\"missing or wrong X-PagerDuty-Signature\"}");
        }
        return receive(PagerDutyWebhook.parse(body));
    }

    /**
     * {@code POST /hooks/jsm-ops} (the bearer token is checked by the front door).
     *
     * @throws io.incidentbot.hooks.MalformedPayloadException for a body that is not a JSM Ops webhook (400)
     */
    public Answer jsmOps(byte[] body) {
        return receive(JsmOpsWebhook.parse(body, clock.instant()));
    }

    private Answer receive(Optional<PagerSignal> signal) {
        if (signal.isEmpty()) {
            return new Answer(202, "{\"ignored\":true}");
        }
        PageSignals.Applied result = transactions.run(work -> {
            PageSignals.Applied a = PageSignals.apply(work.repositories(), signal.get(), work.now());
            if (a.outcome() == PageSignals.Outcome.APPLIED) {
                boolean ack = a.signal().kind() == PagerSignal.Kind.ACKNOWLEDGED;
                if (ack && settings.slackEscalation()) { // an ack anywhere stops the Slack escalation and withdraws its DMs
                    SlackEscalation.acknowledged(work.repositories(), a.incident(), (a.signal().actorName() == null ? "someone"
                            : a.signal().actorName()) + " (" + a.signal().pager().displayName() + ")", work.now());
                }
                work.record(new IncidentEvent.PageChanged(a.incident(), null, a.entry().text(),
                        ack ? a.signal().actorEmail() : null, false, work.now()));
            }
            return a;
        });
        return switch (result.outcome()) {
            case NOT_OURS -> new Answer(202, "{\"ignored\":true,\"reason\":\"not an alert of this bot\"}");
            case DUPLICATE -> new Answer(200, "{\"duplicate\":true}");
            case UNCHANGED -> new Answer(200, "{\"incident\":" + result.incident() + ",\"changed\":false}");
            case APPLIED -> new Answer(200, "{\"incident\":" + result.incident() + ",\"changed\":true}");
        };
    }
}
