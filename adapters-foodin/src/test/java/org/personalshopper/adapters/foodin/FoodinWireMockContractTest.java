package org.personalshopper.adapters.foodin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.personalshopper.application.contract.IdentityProviderContract;
import org.personalshopper.application.port.out.IdentityProvider;

/**
 * The sign-in port's contract, held by the Foodin adapter against a WireMock Foodin that answers as
 * {@code foodin-api.md} says: each code once, then {@code invalid_grant}; refresh tokens kept; the user id in
 * every token answer.
 */
class FoodinWireMockContractTest implements IdentityProviderContract {
    private static final AtomicInteger CONSENTS = new AtomicInteger();

    @RegisterExtension
    static WireMockExtension foodin = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private FoodinIdentityProvider provider;

    @BeforeEach
    void foodinRefusesWhatItDidNotIssue() {
        provider = FoodinIdentityProvider.create(FoodinSettings.of(URI.create(foodin.baseUrl()),
                FoodinOAuthTest.CLIENT_ID, FoodinOAuthTest.SECRET, FoodinOAuthTest.REDIRECT, FoodinScope.READ_WRITE));
        foodin.stubFor(post(urlPathEqualTo("/oauth/token")).atPriority(10).willReturn(invalidGrant()));
    }

    @Override
    public IdentityProvider identity() {
        return provider;
    }

    /** Foodin issues this code once: the first exchange gets tokens, any later one {@code invalid_grant}. */
    @Override
    public Consent consentedCode() {
        int n = CONSENTS.incrementAndGet();
        String code = "ac_" + n;
        String user = "fdu_" + n;
        foodin.stubFor(post(urlPathEqualTo("/oauth/token")).atPriority(1)
                .withFormParam("client_secret", equalTo(FoodinOAuthTest.SECRET))
                .withFormParam("grant_type", equalTo("authorization_code")).withFormParam("code", equalTo(code))
                .inScenario(code).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("used")
                .willReturn(okJson("{\"access_token\":\"fat_" + n + "\",\"refresh_token\":\"rt_" + n + "\","
                        + "\"token_type\":\"bearer\",\"scope\":\"read_write\",\"livemode\":false,"
                        + "\"foodin_user_id\":\"" + user + "\"}")));
        foodin.stubFor(post(urlPathEqualTo("/oauth/token")).atPriority(1)
                .withFormParam("grant_type", equalTo("authorization_code")).withFormParam("code", equalTo(code))
                .inScenario(code).whenScenarioStateIs("used")
                .willReturn(invalidGrant()));
        foodin.stubFor(post(urlPathEqualTo("/oauth/token")).atPriority(1)
                .withFormParam("client_secret", equalTo(FoodinOAuthTest.SECRET))
                .withFormParam("grant_type", equalTo("refresh_token")).withFormParam("refresh_token", equalTo("rt_" + n))
                .willReturn(okJson("{\"access_token\":\"fat_" + n + "_refreshed\",\"token_type\":\"bearer\","
                        + "\"scope\":\"read_write\",\"livemode\":false,\"foodin_user_id\":\"" + user + "\"}")));
        return new Consent(code, Optional.empty());
    }

    @Override
    public boolean rotatesRefreshTokens() {
        return false;
    }

    @Override
    public boolean offersAppTokens() {
        return false;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder invalidGrant() {
        return aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Authorization code or refresh token "
                        + "does not exist, was used or was revoked\"}");
    }
}
