package io.incidentbot.slack.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON bodies of the bot's direct answers (Jackson): ephemeral messages and modal field errors. */
public final class Replies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Replies() {
    }

    /**
     * @return {@code {"response_type":"ephemeral","text":...}}: a message only the requester sees
     *         (slash command answer or {@code response_url} body)
     */
    public static String ephemeral(String text) {
        ObjectNode o = JSON.createObjectNode().put("response_type", "ephemeral").put("text", text);
        return o.toString();
    }

    /**
     * @param blockId the input block to show the error under
     * @return {@code {"response_action":"errors","errors":{blockId:text}}}, the {@code view_submission}
     *         answer that keeps a modal open (Block Kit, "Displaying errors in views")
     */
    public static String modalErrors(String blockId, String text) {
        ObjectNode o = JSON.createObjectNode().put("response_action", "errors");
        o.putObject("errors").put(blockId, text);
        return o.toString();
    }
}
