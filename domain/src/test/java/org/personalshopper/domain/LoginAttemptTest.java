package org.personalshopper.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoginAttemptTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private LoginAttempt started(Optional<String> verifier) {
        return LoginAttempt.start(SecretHash.of("state"), SecretHash.of("binding"), verifier, new ReturnPath("/lists"), NOW,
                PROVIDER, Optional.empty());
    }

    private static final Provider PROVIDER = new Provider("foodin");

    @Test
    void anAttemptIsCompletedOnlyAtTheCallbackOfTheProviderItWasSentTo() {
        LoginAttempt attempt = started(Optional.empty());
        assertThat(attempt.sentTo(new Provider("foodin"))).isTrue();
        assertThat(attempt.sentTo(new Provider("kroger"))).isFalse();
    }

    @Test
    void anAttemptLastsTenMinutes() {
        LoginAttempt attempt = started(Optional.of(VERIFIER));
        assertThat(attempt.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        assertThat(attempt.isExpired(NOW.plus(Duration.ofMinutes(10)).minusMillis(1))).isFalse();
        assertThat(attempt.isExpired(NOW.plus(Duration.ofMinutes(10)))).isTrue();
    }

    @Test
    void anAttemptIsBoundToTheBrowserThatStartedIt() {
        LoginAttempt attempt = started(Optional.empty());
        assertThat(attempt.boundTo(SecretHash.of("binding"))).isTrue();
        assertThat(attempt.boundTo(SecretHash.of("another browser"))).isFalse();
    }

    @Test
    void aPkceVerifierMustFollowRfc7636() {
        assertThat(started(Optional.of(VERIFIER)).codeVerifier()).contains(VERIFIER);
        assertThat(started(Optional.of("a".repeat(128))).codeVerifier()).isPresent();
        assertThatThrownBy(() -> started(Optional.of("a".repeat(42)))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> started(Optional.of("a".repeat(129)))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> started(Optional.of("+".repeat(43)))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void anAttemptMustExpireAfterItStartsAndShowsNoSecrets() {
        assertThatThrownBy(() -> new LoginAttempt(SecretHash.of("s"), SecretHash.of("b"), Optional.empty(), ReturnPath.HOME, NOW, NOW,
                PROVIDER, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        LoginAttempt attempt = started(Optional.of(VERIFIER));
        assertThat(attempt.toString()).doesNotContain(VERIFIER).doesNotContain(attempt.stateHash().hex());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/x", "/lists?week=48&sort=aisle", "/a/b#frag"})
    void aLocalPathIsAReturnPath(String path) {
        assertThat(new ReturnPath(path).value()).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"//x", "/\\x", "http://x", "https://evil.example/", "x", "", "/a\\b", "/a b", "/a\nb", "/a\tb",
            "/\u0000", "/caf\u00e9", "javascript:alert(1)"})
    void anythingThatCouldLeaveTheSiteIsRefused(String path) {
        assertThatThrownBy(() -> new ReturnPath(path))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("returnTo"));
    }

    @Test
    void aReturnPathIsAtMost512CharactersSoASignInRowStaysSmall() {
        assertThat(new ReturnPath("/" + "a".repeat(511)).value()).hasSize(ReturnPath.MAX_LENGTH);
        assertThatThrownBy(() -> new ReturnPath("/" + "a".repeat(512))).isInstanceOf(InvalidValueException.class);
    }

    /** The verifier's check without a regular expression accepts exactly what the pattern it replaced accepted. */
    @Test
    void aPkceVerifierIsCheckedAsThePatternOfRfc7636WouldForEveryCharacterAndLength() {
        java.util.regex.Pattern rfc7636 = java.util.regex.Pattern.compile("[A-Za-z0-9._~-]{43,128}");
        for (char c = 0; c < 0x3000; c++) {
            String verifier = "a".repeat(42) + c;
            boolean accepted = rfc7636.matcher(verifier).matches();
            if (accepted) {
                assertThat(started(Optional.of(verifier)).codeVerifier()).as("U+%04X", (int) c).contains(verifier);
            } else {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> started(Optional.of(verifier)))
                        .as("U+%04X", (int) c).isInstanceOf(InvalidValueException.class);
            }
        }
        for (int length : new int[] {0, 1, 42, 43, 128, 129, 400}) {
            String verifier = "a".repeat(length);
            boolean accepted = rfc7636.matcher(verifier).matches();
            assertThat(accepted ? started(Optional.of(verifier)).codeVerifier().isPresent()
                    : catchInvalid(verifier)).as("length %d", length).isTrue();
        }
    }

    private boolean catchInvalid(String verifier) {
        try {
            started(Optional.of(verifier));
            return false;
        } catch (InvalidValueException e) {
            return true;
        }
    }
}
