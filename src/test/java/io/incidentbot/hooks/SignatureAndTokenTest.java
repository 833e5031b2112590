package io.incidentbot.hooks;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignatureAndTokenTest {
    private static final byte[] SECRET = "It's a Secret to Everybody".getBytes(StandardCharsets.UTF_8);

    @Test
    void matchesTheExampleInGitHubsDocs() {
        // "Validating webhook deliveries", test values: secret "It's a Secret to Everybody", payload "Hello, World!"
        byte[] body = "Hello, World!".getBytes(StandardCharsets.UTF_8);
        String expected = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

        assertThat(GitHubSignature.sign(body, SECRET)).isEqualTo(expected);
        assertThat(GitHubSignature.verify(body, expected, SECRET)).isTrue();
    }

    @Test
    void aSignedFixtureVerifiesAndAnyChangeFails() {
        byte[] body = HookFixtures.bytes("github/push-default-branch.json");
        String header = GitHubSignature.sign(body, SECRET);

        assertThat(GitHubSignature.verify(body, header, SECRET)).isTrue();
        byte[] tampered = body.clone();
        tampered[tampered.length / 2] ^= 1;
        assertThat(GitHubSignature.verify(tampered, header, SECRET)).isFalse();
        assertThat(GitHubSignature.verify(body, header, "another secret".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void aMissingOrMalformedSignatureFails() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String good = GitHubSignature.sign(body, SECRET);

        assertThat(GitHubSignature.verify(body, null, SECRET)).isFalse();
        assertThat(GitHubSignature.verify(body, "", SECRET)).isFalse();
        assertThat(GitHubSignature.verify(body, good.substring("sha256=".length()), SECRET)).as("no prefix").isFalse();
        assertThat(GitHubSignature.verify(body, "sha1=" + good.substring(7), SECRET)).isFalse();
        assertThat(GitHubSignature.verify(body, good.substring(0, good.length() - 2), SECRET)).as("short").isFalse();
        assertThat(GitHubSignature.verify(body, "sha256=" + "zz".repeat(32), SECRET)).as("not hex").isFalse();
        assertThatThrownBy(() -> GitHubSignature.verify(body, good, new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bearerTokenMustMatchExactly() {
        assertThat(BearerToken.matches("Bearer s3cret-token", "s3cret-token")).isTrue();
        assertThat(BearerToken.matches("bearer s3cret-token", "s3cret-token")).as("scheme is case-insensitive").isTrue();
        assertThat(BearerToken.matches("Bearer s3cret-tokem", "s3cret-token")).isFalse();
        assertThat(BearerToken.matches("Bearer s3cret-token2", "s3cret-token")).isFalse();
        assertThat(BearerToken.matches("Bearer s3cret", "s3cret-token")).isFalse();
        assertThat(BearerToken.matches("Basic s3cret-token", "s3cret-token")).isFalse();
        assertThat(BearerToken.matches("s3cret-token", "s3cret-token")).isFalse();
        assertThat(BearerToken.matches(null, "s3cret-token")).isFalse();
        assertThat(BearerToken.matches("Bearer ", "s3cret-token")).isFalse();
        assertThatThrownBy(() -> BearerToken.matches("Bearer x", "")).isInstanceOf(IllegalArgumentException.class);
    }
}
