package io.incidentbot.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbot.slack.interactions.DeclareModal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code view_submission} payloads of the declare modal, shaped like Slack's. */
final class ModalPayloads {
    private ModalPayloads() {
    }

    /** @return the form body {@code payload=<json>} of a submission */
    static String submission(String userId, String title, String severity, String summary, boolean isPrivate) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("title", Map.of("title", Map.of("type", "plain_text_input", "value", title)));
        values.put("severity", Map.of("severity", Map.of("type", "static_select",
                "selected_option", Map.of("text", Map.of("type", "plain_text", "text", severity), "value", severity))));
        Map<String, Object> summaryValue = new LinkedHashMap<>();
        summaryValue.put("type", "plain_text_input");
        summaryValue.put("value", summary);
        values.put("summary", Map.of("summary", summaryValue));
        values.put("private", Map.of("private", Map.of("type", "checkboxes", "selected_options",
                isPrivate ? List.of(Map.of("value", "private", "text", Map.of("type", "plain_text", "text", "Private"))) : List.of())));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "view_submission");
        payload.put("team", Map.of("id", "T0TEST001", "domain", "acme"));
        payload.put("user", Map.of("id", userId, "username", "alice", "name", "alice", "team_id", "T0TEST001"));
        payload.put("api_app_id", "A0TEST001");
        payload.put("token", "legacy-verification-token");
        payload.put("trigger_id", io.incidentbot.testkit.SignedClient.triggerId());
        payload.put("view", Map.of("id", "VVIEW0001", "team_id", "T0TEST001", "type", "modal",
                "callback_id", DeclareModal.CALLBACK_ID, "private_metadata", "",
                "state", Map.of("values", values), "hash", "156772938.1827394"));
        try {
            return "payload=" + URLEncoder.encode(new ObjectMapper().writeValueAsString(payload), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
