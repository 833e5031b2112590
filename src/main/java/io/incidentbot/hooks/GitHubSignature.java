package io.incidentbot.hooks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Checks GitHub's {@code X-Hub-Signature-256} header ("Validating webhook deliveries",
 * https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries): {@code sha256=}
 * followed by the lowercase hex HMAC-SHA256 of the raw body, keyed with the webhook secret
 * ({@code GITHUB_WEBHOOK_SECRET}). The HMAC is the JDK's {@link Mac}; the comparison is
 * {@link MessageDigest#isEqual}, which takes the same time wherever the bytes differ.
 */
public final class GitHubSignature {
    /** The header GitHub sends the signature in. */
    public static final String HEADER = "X-Hub-Signature-256";

    private static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";

    private GitHubSignature() {
    }

    /**
     * @param body   the raw request body, exactly as received
     * @param header the {@code X-Hub-Signature-256} value, may be null
     * @param secret the webhook secret (UTF-8 bytes of {@code GITHUB_WEBHOOK_SECRET}), not empty
     * @return true only when the header is present, well formed and matches
     */
    public static boolean verify(byte[] body, String header, byte[] secret) {
        if (header == null || !header.startsWith(PREFIX) || header.length() != PREFIX.length() + 64) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(body, secret), given);
    }

    /**
     * Signs a body the way GitHub does (for tests and for anyone sending to this bot).
     *
     * @param body   the raw body
     * @param secret the webhook secret bytes, not empty
     * @return {@code sha256=} and 64 lowercase hex digits
     */
    public static String sign(byte[] body, byte[] secret) {
        return PREFIX + HexFormat.of().formatHex(hmac(body, secret));
    }

    private static byte[] hmac(byte[] body, byte[] secret) {
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException("the webhook secret must not be empty");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }
}
