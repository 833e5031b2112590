package io.incidentbot.slack.interactions;

import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import io.incidentbot.alerts.AlertDeliveries;
import io.incidentbot.slack.DeclareModal;
import io.incidentbot.slack.render.AlertPosts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executor;

/**
 * The alert group message's <b>Declare incident</b> button ({@code action_id}
 * {@value AlertPosts#DECLARE_ACTION}, value the group ID): acks at once, then opens the declare modal
 * ({@code views.open}, the trigger ID is valid for 3 s) with the group's title filled in. The modal's
 * submission is the ordinary declare.
 */
public final class DeclareFromAlert {
    private static final Logger log = LoggerFactory.getLogger(DeclareFromAlert.class);

    private DeclareFromAlert() {
    }

    /**
     * Registers the block action listener.
     *
     * @param app      the Bolt app
     * @param alerts   reads the group's title
     * @param afterAck runs the {@code views.open} right after the ack
     */
    public static void register(App app, AlertDeliveries alerts, Executor afterAck) {
        app.blockAction(AlertPosts.DECLARE_ACTION, (req, ctx) -> {
            var p = req.getPayload();
            String value = p.getActions() == null || p.getActions().isEmpty() ? null : p.getActions().get(0).getValue();
            String title = value != null && value.matches("\\d{1,18}")
                    ? alerts.title(Long.parseLong(value)).orElse("") : "";
            String triggerId = p.getTriggerId();
            MethodsClient client = ctx.client();
            afterAck.execute(() -> open(client, triggerId, title));
            return ctx.ack();
        });
    }

    /** @return the declare modal with {@code title} as the title field's initial value */
    public static View prefilled(String title) {
        View v = DeclareModal.build(null);
        for (LayoutBlock b : v.getBlocks()) {
            if (b instanceof InputBlock in && in.getElement() instanceof PlainTextInputElement e && !e.isMultiline()
                    && !title.isBlank()) {
                e.setInitialValue(title.length() > 3000 ? title.substring(0, 3000) : title);
                break;
            }
        }
        return v;
    }

    private static void open(MethodsClient client, String triggerId, String title) {
        try {
            ViewsOpenResponse r = client.viewsOpen(req -> req.triggerId(triggerId).view(prefilled(title)));
            if (!r.isOk()) {
                log.error("views.open for declare_from_alert failed: {}", r.getError());
            }
        } catch (Exception e) {
            log.error("views.open for declare_from_alert failed: {}", e.toString());
        }
    }
}
