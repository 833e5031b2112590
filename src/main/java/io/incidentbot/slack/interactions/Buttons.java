package io.incidentbot.slack.interactions;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.model.view.View;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * What the button handlers share (also the integrations' buttons, e.g. the status page's): reading the incident
 * number, opening a modal, answering the clicker.
 */
public final class Buttons {
    private static final Logger log = LoggerFactory.getLogger(Buttons.class);

    private Buttons() {
    }

    /** @return the incident number in a button value or {@code private_metadata}, empty when it is none */
    public static Optional<Long> incidentNumber(String text) {
        if (text == null || !text.strip().matches("\\d{1,12}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text.strip()));
    }

    /**
     * {@code views.open} with the click's {@code trigger_id} (valid 3 s after the click) on the
     * after-ack executor, never through the outbox; a failure is told to the clicker when a
     * {@code response_url} is known.
     */
    public static void openModal(Executor afterAck, ActionContext ctx, String triggerId, View view) {
        afterAck.execute(() -> {
            String error;
            try {
                var r = ctx.client().viewsOpen(req -> req.triggerId(triggerId).view(view));
                if (r.isOk()) {
                    return;
                }
                error = r.getError();
            } catch (Exception e) {
                error = e.getClass().getSimpleName();
            }
            log.error("views.open for {} failed: {}", view.getCallbackId(), error);
            respond(ctx, ":warning: I could not open the form (Slack answered `" + error + "`). "
                    + "The `/incident` subcommands do the same; `/incident help` lists them.");
        });
    }

    /** Tells the clicker {@code text} through the action's {@code response_url} (ephemeral); logs a failure. */
    public static void respond(ActionContext ctx, String text) {
        if (ctx.getResponseUrl() == null) {
            log.info("no response_url to tell the user: {}", text);
            return;
        }
        try {
            ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(text));
        } catch (Exception e) {
            log.warn("could not answer through response_url: {}", e.toString());
        }
    }
}
