package org.personalshopper.adapters.foodin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.domain.ProviderFailure;
import org.personalshopper.sandbox.foodin.FoodinSandbox;
import org.personalshopper.sandbox.foodin.FoodinSandboxSettings;

/** The adapter against the Foodin sandbox, the way demo mode runs it: a real round trip through the consent page. */
class FoodinOAuthWithSandboxTest {

    private static final URI CALLBACK = URI.create("http://localhost:8080/auth/callback/foodin");
    private static FoodinSandbox sandbox;
    private static FoodinOAuth oauth;

    @BeforeAll
    static void start() {
        sandbox = FoodinSandbox.start(FoodinSandboxSettings.defaults().withRedirectUris(List.of(CALLBACK.toString())));
        oauth = FoodinOAuth.create(FoodinSettings.of(sandbox.baseUri(), FoodinSandboxSettings.DEMO_TEST_CLIENT_ID,
                FoodinSandboxSettings.DEMO_TEST_SECRET_KEY, CALLBACK, FoodinScope.READ_WRITE));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aUserConnectsAndTheAdapterLearnsTheirFoodinUserIdFromTheTokenAnswer() {
        String code = approve(oauth.authorizationUrl("state-1"), "ada@example.com");

        FoodinGrant grant = oauth.exchangeCode(code);

        assertThat(grant.foodinUserId().orElseThrow().value()).isEqualTo(FoodinSandbox.userIdOf("ada@example.com"));
        assertThat(grant.refreshToken()).isPresent();
        assertThat(grant.expiresIn()).isPresent();
        assertThat(grant.scope()).hasValue(FoodinScope.READ_WRITE);
        assertThat(sandbox.isAccessTokenActive(grant.accessToken().value())).isTrue();
    }

    @Test
    void aRefreshReplacesTheAccessTokenWhichFoodinRevokesAndKeepsTheRefreshToken() {
        FoodinGrant first = oauth.exchangeCode(approve(oauth.authorizationUrl("state-2"), "bob@example.com"));

        FoodinGrant refreshed = oauth.refresh(first.refreshToken().orElseThrow(), Optional.empty());
        FoodinGrant narrowed = oauth.refresh(first.refreshToken().orElseThrow(), Optional.of(FoodinScope.READ_ONLY));

        assertThat(sandbox.isAccessTokenActive(first.accessToken().value())).isFalse();
        assertThat(sandbox.isAccessTokenActive(refreshed.accessToken().value())).isTrue();
        assertThat(refreshed.refreshToken()).isEmpty();
        assertThat(narrowed.scope()).hasValue(FoodinScope.READ_ONLY);
        assertThat(sandbox.isAccessTokenActive(narrowed.accessToken().value())).isTrue();
    }

    @Test
    void aCodeReplayedIsRejectedAndFoodinRevokesTheConnection() {
        String code = approve(oauth.authorizationUrl("state-3"), "carol@example.com");
        FoodinGrant grant = oauth.exchangeCode(code);
        int calls = sandbox.tokenEndpointCalls();

        ProviderException replay = catchThrowableOfType(ProviderException.class, () -> oauth.exchangeCode(code));

        assertThat(replay.failure()).isEqualTo(ProviderFailure.REJECTED);
        assertThat(sandbox.tokenEndpointCalls()).isEqualTo(calls + 1);
        assertThat(sandbox.isAccessTokenActive(grant.accessToken().value())).isFalse();
        ProviderException refresh = catchThrowableOfType(ProviderException.class,
                () -> oauth.refresh(grant.refreshToken().orElseThrow(), Optional.empty()));
        assertThat(refresh.failure()).isEqualTo(ProviderFailure.REJECTED);
    }

    @Test
    void aWrongSecretIsOurMisconfiguration() {
        FoodinOAuth wrong = FoodinOAuth.create(FoodinSettings.of(sandbox.baseUri(), FoodinSandboxSettings.DEMO_TEST_CLIENT_ID,
                "sk_test_wrong", CALLBACK, FoodinScope.READ_WRITE));

        ProviderException failure = catchThrowableOfType(ProviderException.class, () -> wrong.exchangeCode("ac_x"));

        assertThat(failure.failure()).isEqualTo(ProviderFailure.UNAUTHORIZED);
        assertThat(failure.reason()).contains("FOODIN_CLIENT_SECRET").doesNotContain("sk_test_wrong");
    }

    private String approve(URI authorizationUrl, String email) {
        URI callback = SandboxConsent.approve(sandbox, authorizationUrl, email);
        assertThat(callback.toString()).startsWith(CALLBACK + "?");
        return SandboxConsent.code(callback);
    }
}
