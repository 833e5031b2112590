package io.incidentbot.hooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks {@code Authorization: Bearer <token>} (RFC 6750, section 2.1) against
 * {@code INCIDENT_WEBHOOK_TOKEN} for the {@code /hooks/*} endpoints other than GitHub's. Alertmanager
 * sends it with {@code http_config.authorization} ({@code type: Bearer}), Grafana with
 * "Authentication Header Scheme" Bearer. Both sides are hashed with SHA-256 and compared with
 * {@link MessageDigest#isEqual}, so the time taken reveals neither the bytes nor the length of the token.
 */
public final class BearerToken {
    /** The request header carrying the token. */
    public static final String HEADER = "Authorization";

    private static final String SCHEME = "bearer ";

    private BearerToken() {
    }

    /**
     * @param authorization the {@code Authorization} header value, may be null
     * @param token         the configured token, not empty
     * @return true only for {@code Bearer <token>} (scheme case-insensitive) with the exact token
     */
    public static boolean matches(String authorization, String token) {
        if (token == null || token.isEmpty()) {
            throw new IllegalArgumentException("the webhook token must not be empty");
        }
        if (authorization == null || authorization.length() < SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        return sameSecret(authorization.substring(SCHEME.length()).strip(), token);
    }

    /**
     * Compares a secret a request carries with the configured one (a bearer token, GitLab's {@code X-Gitlab-Token})
     * in constant time: both are hashed with SHA-256 and compared with {@link MessageDigest#isEqual}, so the time
     * taken reveals neither the bytes nor the length of the secret.
     *
     * @param given    what the request carries, may be null
     * @param expected the configured secret
     * @return true only when both are equal
     */
    public static boolean sameSecret(String given, String expected) {
        return given != null && expected != null && MessageDigest.isEqual(sha256(given), sha256(expected));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
