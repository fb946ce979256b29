package org.personalshopper.adapters.foodin;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.personalshopper.application.contract.IdentityProviderContract;
import org.personalshopper.application.port.out.AuthorizationRequest;
import org.personalshopper.application.port.out.IdentityProvider;
import org.personalshopper.sandbox.foodin.FoodinSandbox;
import org.personalshopper.sandbox.foodin.FoodinSandboxSettings;

/** The sign-in port's contract, held by the Foodin adapter against the Foodin sandbox. */
class FoodinSandboxContractTest implements IdentityProviderContract {
    private static final URI CALLBACK = URI.create("http://localhost:8080/auth/callback/foodin");
    private static FoodinSandbox sandbox;
    private static FoodinIdentityProvider provider;

    @BeforeAll
    static void start() {
        sandbox = FoodinSandbox.start(FoodinSandboxSettings.defaults().withRedirectUris(List.of(CALLBACK.toString())));
        provider = FoodinIdentityProvider.create(FoodinSettings.of(sandbox.baseUri(),
                FoodinSandboxSettings.DEMO_TEST_CLIENT_ID, FoodinSandboxSettings.DEMO_TEST_SECRET_KEY, CALLBACK,
                FoodinScope.READ_WRITE));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Override
    public IdentityProvider identity() {
        return provider;
    }

    @Override
    public Consent consentedCode() {
        URI url = provider.authorizationUrl(new AuthorizationRequest("s-" + UUID.randomUUID(), Optional.empty(),
                Optional.empty()));
        return new Consent(SandboxConsent.code(SandboxConsent.approve(sandbox, url,
                UUID.randomUUID() + "@example.com")), Optional.empty());
    }

    /** Foodin keeps the refresh token: a refresh answers none. */
    @Override
    public boolean rotatesRefreshTokens() {
        return false;
    }

    @Override
    public boolean offersAppTokens() {
        return false;
    }
}
