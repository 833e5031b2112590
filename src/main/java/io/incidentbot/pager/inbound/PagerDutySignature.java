package io.incidentbot.pager.inbound;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Checks PagerDuty's v3 webhook signature (PagerDuty/developer-docs {@code docs/webhooks/04-Signatures.md}):
 * {@code X-PagerDuty-Signature} holds one or more comma-separated signatures, several during a secret rotation;
 * each {@code v1=} one is the lowercase hex HMAC-SHA256 of the raw body keyed with the subscription's secret
 * ({@code PAGERDUTY_WEBHOOK_SECRET}). Any {@code v1} match passes; signatures of other versions are skipped. The
 * HMAC is the JDK's {@link Mac} (as {@code hooks.GitHubSignature}); the comparison is {@link MessageDigest#isEqual}.
 */
public final class PagerDutySignature {
    /** The header PagerDuty sends the signatures in. */
    public static final String HEADER = "X-PagerDuty-Signature";
    private static final String V1 = "v1=";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAX_SIGNATURES = 10;

    private PagerDutySignature() {
    }

    /**
     * @param body   the raw request body, exactly as received
     * @param header the {@code X-PagerDuty-Signature} value, may be null
     * @param secret the subscription's secret, not empty
     * @return true when at least one {@code v1=} signature matches
     */
    public static boolean verify(byte[] body, String header, String secret) {
        if (header == null || header.isBlank()) {
            return false;
        }
        byte[] expected = hmac(body, secret);
        String[] parts = header.split(",");
        boolean match = false;
        for (int i = 0; i < parts.length && i < MAX_SIGNATURES; i++) {
            String p = parts[i].strip();
            if (!p.startsWith(V1) || p.length() != V1.length() + 64) {
                continue;
            }
            try {
                match |= MessageDigest.isEqual(expected, HexFormat.of().parseHex(p.substring(V1.length())));
            } catch (IllegalArgumentException e) {
                // not hex: not a match
            }
        }
        return match;
    }

    /**
     * Signs a body as PagerDuty does (tests, and anyone replaying a delivery).
     *
     * @return {@code v1=} and 64 lowercase hex digits
     */
    public static String sign(byte[] body, String secret) {
        return V1 + HexFormat.of().formatHex(hmac(body, secret));
    }

    private static byte[] hmac(byte[] body, String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the webhook secret must not be empty");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }
}
