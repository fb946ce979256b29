package org.personalshopper.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A sign-in in progress: the hashed state sent to the provider, the hash of the browser binding (the
 * login cookie), the PKCE verifier and where to return; the provider it was sent to (its callback is the
 * only one that may complete it) and, when a signed-in shopper is connecting another account, that
 * shopper. Single use; expires after {@link #LIFETIME}.
 */
public record LoginAttempt(SecretHash stateHash, SecretHash browserBindingHash, Optional<String> codeVerifier,
                           ReturnPath returnTo, Instant createdAt, Instant expiresAt, Provider provider,
                           Optional<ShopperId> linkTo) {
    public static final Duration LIFETIME = Duration.ofMinutes(10);
    /** RFC 7636's unreserved characters, the only ones a PKCE verifier may hold. */
    private static final Check.Chars VERIFIER_CHARS = Check.Chars.of("A-Za-z0-9._~-");

    public LoginAttempt {
        Check.requireNonNull(stateHash, "state hash");
        Check.requireNonNull(browserBindingHash, "browser binding hash");
        Check.requireNonNull(codeVerifier, "code verifier");
        // One pass over the chars, not a regular expression: every sign-in builds two attempts (start, take).
        codeVerifier.ifPresent(v -> Check.chars("codeVerifier", v, VERIFIER_CHARS, 43, 128,
                "must be 43 to 128 characters of [A-Za-z0-9-._~]"));
        Check.requireNonNull(returnTo, "returnTo");
        Check.requireNonNull(createdAt, "createdAt");
        Check.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a login attempt must expire after it starts");
        }
        Check.requireNonNull(provider, "provider");
        Check.requireNonNull(linkTo, "linkTo");
    }

    public static LoginAttempt start(SecretHash stateHash, SecretHash browserBindingHash, Optional<String> codeVerifier,
                                     ReturnPath returnTo, Instant now, Provider provider, Optional<ShopperId> linkTo) {
        return new LoginAttempt(stateHash, browserBindingHash, codeVerifier, returnTo, now, now.plus(LIFETIME),
                provider, linkTo);
    }

    /** Whether this attempt was sent to {@code callbackProvider}: a state is refused at any other provider's callback. */
    public boolean sentTo(Provider callbackProvider) {
        return provider.equals(callbackProvider);
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean boundTo(SecretHash presentedBinding) {
        return browserBindingHash.sameAs(presentedBinding);
    }

    @Override
    public String toString() {
        return "LoginAttempt[provider=" + provider + ", returnTo=" + returnTo + ", expiresAt=" + expiresAt + ", secrets redacted]";
    }
}
