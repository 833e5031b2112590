package io.incidentbot.slack.interactions;

import com.slack.api.app_backend.interactive_components.response.Option;
import com.slack.api.bolt.App;
import io.incidentbot.slack.render.Messages;
import io.incidentbot.slack.web.SlackUsergroups;

import java.util.List;

import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/**
 * The options of the declare forms' <em>Invite user groups</em> picker ({@code multi_external_select}, action ID
 * {@value DeclareModal#USERGROUPS}): Slack sends a {@code block_suggestion} payload (Slack's reference "block_suggestion
 * payloads"; over HTTP to the manifest's {@code settings.interactivity.message_menu_options_url}, in Socket Mode on the
 * socket) with what the user typed in {@code value}; the ack answers at most {@value #MAX_OPTIONS} options
 * ({@code {"options": [{"text": {"type": "plain_text", "text": "@oncall (On-call engineers)"}, "value": "S123"}]}}),
 * the groups whose handle or name contains it ({@link SlackUsergroups}). When {@code usergroups.list} fails the answer
 * is an empty list of options, never an error in the form.
 */
public final class UsergroupSuggestions {
    /** Most options Slack shows for an external select. */
    static final int MAX_OPTIONS = 100;
    /** Longest option text Slack takes, in characters. */
    static final int MAX_TEXT = 75;

    private UsergroupSuggestions() {
    }

    /**
     * @param app    the Bolt app
     * @param groups the workspace's user groups, briefly cached
     */
    public static void register(App app, SlackUsergroups groups) {
        app.blockSuggestion(DeclareModal.USERGROUPS, (req, ctx) -> {
            List<Option> options = groups.matching(req.getPayload().getValue(), MAX_OPTIONS).stream()
                    .map(UsergroupSuggestions::option).toList();
            return ctx.ack(r -> r.options(options));
        });
    }

    /** @return the option of a group: {@code @handle (Name)}, its value the group's ID */
    static Option option(SlackUsergroups.Group g) {
        String text = g.handle().isEmpty() ? g.name() : "@" + g.handle() + (g.name().isEmpty() ? "" : " (" + g.name() + ")");
        return new Option(plainText(Messages.truncate(text, MAX_TEXT)), g.id());
    }
}
