package io.incidentbot.slack.interactions;

import io.incidentbot.markup.Mentions;

import com.slack.api.model.view.ViewState;

import java.util.Map;

/**
 * The values of a submitted view ({@code view.state.values}: block ID to action ID to value), read by
 * the IDs in {@link io.incidentbot.slack.render.Modals}, where each input's block ID equals its action ID.
 * Modal values arrive unescaped.
 */
final class Values {
    private final Map<String, Map<String, ViewState.Value>> values;

    Values(ViewState state) {
        this.values = state == null || state.getValues() == null ? Map.of() : state.getValues();
    }

    /** @return the raw value of the input whose block and action IDs are {@code id}, null when the view has none */
    ViewState.Value get(String id) {
        return values.getOrDefault(id, Map.of()).get(id);
    }

    /** @return the stripped text of a text input, null when empty */
    String text(String id) {
        ViewState.Value v = get(id);
        return v == null || v.getValue() == null || v.getValue().isBlank() ? null : v.getValue().strip();
    }

    /** @return the values of the options ticked in a {@code checkboxes} block, null when the view has no such block */
    java.util.Set<String> ticked(String id) {
        ViewState.Value v = get(id);
        if (v == null) {
            return values.containsKey(id) ? java.util.Set.of() : null;
        }
        return v.getSelectedOptions() == null ? java.util.Set.of()
                : v.getSelectedOptions().stream().map(ViewState.SelectedOption::getValue).collect(java.util.stream.Collectors.toSet());
    }

    /** @return the value of a select's chosen option, null when none */
    String selected(String id) {
        ViewState.Value v = get(id);
        return v == null || v.getSelectedOption() == null ? null : v.getSelectedOption().getValue();
    }

    /** @return the day a {@code datepicker} holds ({@code YYYY-MM-DD}), null when none or not a date */
    java.time.LocalDate date(String id) {
        ViewState.Value v = get(id);
        try {
            return v == null || v.getSelectedDate() == null || v.getSelectedDate().isBlank() ? null
                    : java.time.LocalDate.parse(v.getSelectedDate().strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /**
     * @return the user ID a {@code users_select} holds, null when none
     * @throws NotAUser when the value is not shaped like a Slack user ID ({@link Mentions#isUserId}): Slack
     *                  never sends one, so the payload was forged
     */
    String user(String id) {
        ViewState.Value v = get(id);
        String user = v == null || v.getSelectedUser() == null || v.getSelectedUser().isBlank() ? null : v.getSelectedUser();
        if (user != null && !Mentions.isUserId(user)) {
            throw new NotAUser(id);
        }
        return user;
    }

    /** A person picker held something that is not a Slack user ID. */
    static final class NotAUser extends RuntimeException {
        /** What the person is told, next to the picker. */
        static final String WORDS = "That is not a Slack user; pick the person from the list. Nothing was changed.";
        private final String block;

        NotAUser(String block) {
            super(WORDS, null, false, false);
            this.block = block;
        }

        /** @return the block ID of the picker, where the refusal is shown */
        String block() {
            return block;
        }
    }
}
