package io.incidentbot.slack.interactions;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.MultiExternalSelectElement;
import com.slack.api.model.block.element.MultiUsersSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.incidentbot.incident.Declaration;
import io.incidentbot.incident.Severity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.multiExternalSelect;
import static com.slack.api.model.block.element.BlockElements.multiUsersSelect;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * The declare modal ({@code views.open}): title, severity, summary, private, people to invite (issue 25: a
 * {@code multi_users_select}) and user groups to invite (Block Kit has no user group picker: a
 * {@code multi_external_select} whose options {@link UsergroupSuggestions} reads from {@code usergroups.list}); and
 * reading its submission.
 */
public final class DeclareModal {
    /** The view's {@code callback_id}. */
    public static final String CALLBACK_ID = "incident_declare";
    /** Block ID (and action ID) of the title input, where a refusal of the declare is shown. */
    public static final String TITLE = "title";
    static final String SEVERITY = "severity";
    static final String SUMMARY = "summary";
    static final String PRIVATE = "private";
    /** Block and action ID of the <em>Invite</em> field ({@code multi_users_select}). */
    public static final String INVITE = "invite";
    /** Block and action ID of the <em>Invite user groups</em> field ({@code multi_external_select}, option values group IDs). */
    public static final String USERGROUPS = "invite_usergroups";

    private DeclareModal() {
    }

    /**
     * @param responseUrl the slash command's {@code response_url}, kept in {@code private_metadata} so a
     *                    failure later can still be reported, may be null
     * @return the modal view
     */
    public static View build(String responseUrl) {
        return build(CALLBACK_ID, responseUrl, null, null, null);
    }

    /**
     * @param callbackId {@link #CALLBACK_ID}, or another for a declare modal with its own submission handler
     * @param metadata   the view's {@code private_metadata} (at most 3,000 characters), may be null
     * @param severity   the severity selected at first, null for {@link Severity#DEFAULT}
     * @param title      the title filled in, may be null (cut to {@link Declaration#MAX_TITLE})
     * @param summary    the summary filled in, may be null (cut to 2,900 characters)
     * @return the modal view
     */
    public static View build(String callbackId, String metadata, Severity severity, String title, String summary) {
        Severity initial = severity == null ? Severity.DEFAULT : severity;
        String initialTitle = title == null ? null : io.incidentbot.slack.render.Messages.truncate(title.strip(), Declaration.MAX_TITLE);
        String sum = summary == null ? null : io.incidentbot.slack.render.Messages.truncate(summary, 2900);
        List<com.slack.api.model.block.composition.OptionObject> options = List.of(
                option(plainText("SEV1 — critical, customer-facing outage"), "SEV1"),
                option(plainText("SEV2 — major degradation"), "SEV2"),
                option(plainText("SEV3"), "SEV3"),
                option(plainText("SEV4 — minor"), "SEV4"));
        return view(v -> v.type("modal").callbackId(callbackId)
                .privateMetadata(metadata == null ? "" : metadata)
                .title(viewTitle(t -> t.type("plain_text").text("Declare an incident")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Declare")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(
                        input(i -> i.blockId(TITLE).label(plainText("Title"))
                                .element(plainTextInput(p -> p.actionId(TITLE).maxLength(Declaration.MAX_TITLE)
                                        .initialValue(initialTitle).placeholder(plainText("Checkout errors after deploy"))))),
                        input(i -> i.blockId(SEVERITY).label(plainText("Severity"))
                                .element(staticSelect(s -> s.actionId(SEVERITY)
                                        .initialOption(options.get(initial.ordinal()))
                                        .options(options)))),
                        input(i -> i.blockId(SUMMARY).optional(true).label(plainText("Summary"))
                                .element(plainTextInput(p -> p.actionId(SUMMARY).multiline(true).maxLength(2900)
                                        .initialValue(sum)))),
                        input(i -> i.blockId(PRIVATE).optional(true).label(plainText("Visibility"))
                                .element(checkboxes(c -> c.actionId(PRIVATE).options(List.of(
                                        option(plainText("Private incident (private channel, no announcement details)"),
                                                "private")))))),
                        input(i -> i.blockId(INVITE).optional(true).label(plainText("Invite"))
                                .element(multiUsersSelect(m -> m.actionId(INVITE)
                                        .placeholder(plainText("People to invite to the incident channel"))))),
                        input(i -> i.blockId(USERGROUPS).optional(true).label(plainText("Invite user groups"))
                                .element(multiExternalSelect(m -> m.actionId(USERGROUPS).minQueryLength(0)
                                        .placeholder(plainText("User groups whose members to invite"))))))));
    }

    /**
     * Starts the <em>Invite</em> and <em>Invite user groups</em> fields of {@code view} with the people and groups
     * picked in {@code state} (a {@code views.update} keeps them).
     *
     * @param state the state of the view being replaced; nothing picked leaves the fields empty
     * @return {@code view}, changed in place
     */
    public static View keepInvites(View view, ViewState state) {
        List<String> users = invited(state);
        ViewState.Value v = new Values(state).get(USERGROUPS);
        List<OptionObject> groups = v == null || v.getSelectedOptions() == null ? List.of() : v.getSelectedOptions().stream()
                .filter(o -> o.getValue() != null)
                .map(o -> option(plainText(o.getText() == null || o.getText().getText() == null ? o.getValue()
                        : o.getText().getText()), o.getValue())).toList();
        for (var b : view.getBlocks()) {
            if (b instanceof InputBlock i && INVITE.equals(i.getBlockId()) && !users.isEmpty()) {
                ((MultiUsersSelectElement) i.getElement()).setInitialUsers(users);
            } else if (b instanceof InputBlock i && USERGROUPS.equals(i.getBlockId()) && !groups.isEmpty()) {
                ((MultiExternalSelectElement) i.getElement()).setInitialOptions(groups);
            }
        }
        return view;
    }

    /** @return the Slack user IDs picked in the state's <em>Invite</em> field, in order; empty when none */
    public static List<String> invited(ViewState state) {
        ViewState.Value v = new Values(state).get(INVITE);
        return v == null || v.getSelectedUsers() == null ? List.of() : List.copyOf(v.getSelectedUsers());
    }

    /**
     * @return the user group IDs picked in the state's <em>Invite user groups</em> field, in order; empty when none
     *         (a value not shaped like a group ID, {@code S...}, which Slack never sends, is left out)
     */
    public static List<String> invitedGroups(ViewState state) {
        ViewState.Value v = new Values(state).get(USERGROUPS);
        return v == null || v.getSelectedOptions() == null ? List.of() : v.getSelectedOptions().stream()
                .map(ViewState.SelectedOption::getValue).filter(id -> id != null && id.matches("S[A-Z0-9]{2,31}"))
                .distinct().toList();
    }

    /**
     * A submitted form.
     *
     * @param declaration what to declare when {@code errors} is empty
     * @param errors      block ID to message, shown in the modal ({@code response_action: errors})
     * @param invite      Slack user IDs picked in the <em>Invite</em> field, empty when none
     * @param usergroups  user group IDs picked in the <em>Invite user groups</em> field, empty when none
     */
    public record Submission(Declaration declaration, Map<String, String> errors, List<String> invite, List<String> usergroups) {
        /** Copies the lists. */
        public Submission {
            invite = List.copyOf(invite);
            usergroups = List.copyOf(usergroups);
        }
    }

    /**
     * Reads and validates a submission.
     *
     * @param state       the view's state values
     * @param userId      the submitter's Slack user ID
     * @param responseUrl the {@code private_metadata}, may be blank
     */
    public static Submission read(ViewState state, String userId, String responseUrl) {
        Values values = new Values(state);
        String title = text(values, TITLE);
        Map<String, String> errors = new LinkedHashMap<>();
        if (title == null || title.isBlank()) {
            errors.put(TITLE, "Give the incident a title.");
        } else if (title.strip().length() > Declaration.MAX_TITLE) {
            errors.put(TITLE, "Keep the title under " + Declaration.MAX_TITLE + " characters.");
        }
        ViewState.Value sev = values.get(SEVERITY);
        Severity severity = sev == null || sev.getSelectedOption() == null ? Severity.DEFAULT
                : Severity.parse(sev.getSelectedOption().getValue()).orElse(null);
        if (severity == null) {
            errors.put(SEVERITY, "Pick a severity from SEV1 to SEV4.");
        }
        ViewState.Value priv = values.get(PRIVATE);
        boolean isPrivate = priv != null && priv.getSelectedOptions() != null && !priv.getSelectedOptions().isEmpty();
        Declaration d = errors.isEmpty() ? new Declaration(title.strip(), severity, markup(text(values, SUMMARY)), isPrivate, userId,
                responseUrl == null || responseUrl.isBlank() ? null : responseUrl) : null;
        return new Submission(d, errors, invited(state), invitedGroups(state));
    }

    private static String text(Values values, String block) {
        ViewState.Value v = values.get(block);
        return v == null ? null : v.getValue();
    }

    /** A plain-text field's value as Slack markup (free texts are stored as markup, see UserText). */
    private static String markup(String plain) {
        return plain == null ? null : io.incidentbot.slack.render.Messages.escape(plain);
    }
}
