package io.incidentbot.slack.interactions;

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

    private ViewState.Value get(String id) {
        return values.getOrDefault(id, Map.of()).get(id);
    }

    /** @return the stripped text of a text input, null when empty */
    String text(String id) {
        ViewState.Value v = get(id);
        return v == null || v.getValue() == null || v.getValue().isBlank() ? null : v.getValue().strip();
    }

    /** @return the value of a select's chosen option, null when none */
    String selected(String id) {
        ViewState.Value v = get(id);
        return v == null || v.getSelectedOption() == null ? null : v.getSelectedOption().getValue();
    }

    /** @return the user ID a {@code users_select} holds, null when none */
    String user(String id) {
        ViewState.Value v = get(id);
        return v == null || v.getSelectedUser() == null || v.getSelectedUser().isBlank() ? null : v.getSelectedUser();
    }
}
