package org.personalshopper.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.port.out.AuthorizationRequest;
import org.personalshopper.application.port.out.IdentityProvider;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.application.port.out.TokenGrant;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.ProviderFailure;

/**
 * What every {@code IdentityProvider} must do, as the use cases rely on it: run against the fake the
 * use-case tests use, and against each real adapter (Kroger over WireMock, the Kroger sandbox).
 *
 * <p>To run it against an implementation, implement this interface in a test class and supply
 * {@link #identity()} and {@link #consentedCode()} (a code the provider will accept once, as after a
 * shopper's consent; with its PKCE verifier when the provider uses PKCE). Override
 * {@link #rotatesRefreshTokens()} for a provider that keeps refresh tokens, {@link #offersAppTokens()} for one
 * without client credentials. JUnit 5 runs the default
 * {@code @Test} methods for the implementing class, with its own lifecycle (extensions, PER_CLASS).
 */
public interface IdentityProviderContract {
    /** A code the provider accepts once, and the PKCE verifier to send with it (empty without PKCE). */
    record Consent(String code, Optional<String> codeVerifier) {
    }

    IdentityProvider identity();

    /** A fresh code the provider will accept once, as a shopper's consent would give. */
    Consent consentedCode();

    /** Whether a refresh answers a new refresh token and kills the old one. */
    default boolean rotatesRefreshTokens() {
        return true;
    }

    /** Whether the provider has a client-credentials grant (Foodin has none: it offers sign-in only). */
    default boolean offersAppTokens() {
        return true;
    }

    private static void assertRejected(ProviderException e, ProviderFailure... allowed) {
        assertThat(e.failure()).isIn((Object[]) allowed);
    }

    @Test
    default void theSignInUrlCarriesTheState() {
        String state = "state-" + System.nanoTime();
        assertThat(identity().authorizationUrl(new AuthorizationRequest(state, Optional.empty(), Optional.empty()))
                .toString()).contains("state=" + state);
    }

    @Test
    default void aConsentedCodeGivesTokensThatIdentifyTheShopper() {
        Consent consent = consentedCode();
        TokenGrant grant = identity().exchangeCode(consent.code(), consent.codeVerifier());

        assertThat(grant.refreshToken()).isPresent();
        assertThat(grant.expiresIn()).isPositive();
        assertThat(identity().profile(grant.accessToken()).value()).isNotBlank();
    }

    @Test
    default void aCodeWorksOnceAndAnUnknownOneIsRejected() {
        Consent consent = consentedCode();
        identity().exchangeCode(consent.code(), consent.codeVerifier());

        assertThatThrownBy(() -> identity().exchangeCode(consent.code(), consent.codeVerifier()))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertRejected(e, ProviderFailure.REJECTED));
        assertThatThrownBy(() -> identity().exchangeCode("no-such-code", consent.codeVerifier()))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertRejected(e, ProviderFailure.REJECTED));
    }

    @Test
    default void aRefreshGivesANewAccessTokenAndARotatedRefreshTokenWorksOnce() {
        Consent consent = consentedCode();
        TokenGrant first = identity().exchangeCode(consent.code(), consent.codeVerifier());
        String refreshToken = first.refreshToken().orElseThrow();

        TokenGrant renewed = identity().refresh(refreshToken);

        assertThat(renewed.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(identity().profile(renewed.accessToken())).isEqualTo(identity().profile(first.accessToken()));
        if (rotatesRefreshTokens()) {
            assertThat(renewed.refreshToken()).isPresent().isNotEqualTo(Optional.of(refreshToken));
            assertThatThrownBy(() -> identity().refresh(refreshToken))
                    .isInstanceOfSatisfying(ProviderException.class, e -> assertRejected(e, ProviderFailure.REJECTED));
        }
    }

    @Test
    default void anUnknownRefreshTokenIsRejected() {
        assertThatThrownBy(() -> identity().refresh("no-such-refresh-token"))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertRejected(e, ProviderFailure.REJECTED));
    }

    @Test
    default void anAppTokenIsGrantedWithoutARefreshToken() {
        if (!offersAppTokens()) {
            assertThatThrownBy(() -> identity().appToken()).isInstanceOf(ProviderException.class);
            return;
        }
        TokenGrant grant = identity().appToken();

        assertThat(grant.refreshToken()).isEmpty();
        assertThat(grant.expiresIn()).isPositive();
    }

    @Test
    default void aProfileAskedWithAnUnknownTokenIsUnauthorized() {
        assertThatThrownBy(() -> identity().profile(new AccessToken("no-such-access-token")))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertRejected(e, ProviderFailure.UNAUTHORIZED));
    }
}
