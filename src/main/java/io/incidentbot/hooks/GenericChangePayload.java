package io.incidentbot.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentbot.changes.Change;
import io.incidentbot.changes.ChangeKind;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Parses incident-bot's own change JSON ({@code POST /hooks/changes}, issue 12):
 * <pre>
 * {"title": "...", "service": "...", "environment": "...", "author": "...", "url": "...",
 *  "kind": "deploy"|"config"|"feature_flag"|"infra"|"other", "at": RFC 3339}
 * </pre>
 * Only {@code title} is required; {@code kind} defaults to {@code other}, {@code at} to now (by the
 * clock). The format has no id, so the external id is {@code sha256:} and the first 32 hex digits of
 * the SHA-256 of the raw body: a redelivered body is the same change, even when it has no {@code at}.
 */
public final class GenericChangePayload {
    /** {@link Change#source()} of changes from this hook. */
    public static final String SOURCE = "changes";

    private GenericChangePayload() {
    }

    /**
     * @param body  the raw request body
     * @param clock gives "now" when {@code at} is absent
     * @return the change
     * @throws MalformedPayloadException naming the first bad field
     */
    public static Change parse(byte[] body, Clock clock) {
        JsonNode root = HookJson.readObject(body);
        String title = HookJson.requiredText(root, "title", "").strip();
        String kindText = HookJson.optionalText(root, "kind", "");
        ChangeKind kind = kindText == null ? ChangeKind.OTHER : ChangeKind.parse(kindText).orElseThrow(() ->
                new MalformedPayloadException("kind: expected one of deploy, config, feature_flag, infra, other, got "
                        + HookJson.quote(kindText)));
        Instant at = HookJson.optionalTime(root, "at", "");
        return new Change(SOURCE, "sha256:" + sha256(body), title,
                HookJson.optionalText(root, "service", ""),
                HookJson.optionalText(root, "environment", ""),
                HookJson.optionalText(root, "author", ""),
                HookJson.optionalText(root, "url", ""),
                kind, at != null ? at : clock.instant());
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
