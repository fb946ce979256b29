package org.personalshopper.adapters.kroger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.personalshopper.application.contract.IdentityProviderContract;
import org.personalshopper.application.port.out.IdentityProvider;

/**
 * The Kroger adapter passes the {@code IdentityProvider} contract against WireMock playing Kroger as
 * kroger-api.md describes it: single-use codes, rotating single-use refresh tokens, the 400 bodies of the
 * spec for a bad code or refresh token, 401 {@code invalid_token} for an unknown access token.
 */
class KrogerIdentityProviderContractTest implements IdentityProviderContract {
    @RegisterExtension
    static WireMockExtension kroger = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String TOKEN_PATH = "/v1/connect/oauth2/token";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private IdentityProvider identity;

    @BeforeEach
    void kroger() {
        // Without PKCE: the contract's sign-in URL carries no challenge (the PKCE path has its own tests).
        identity = KrogerAdapters.create(KrogerTestSupport.settings(kroger.getPort(), false),
                Clock.fixed(KrogerTestSupport.NOW, ZoneOffset.UTC)).identityProvider();
        // Anything not stubbed below is what Kroger answers to an unknown code, refresh token or access token.
        kroger.stubFor(post(TOKEN_PATH).atPriority(10).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_request\",\"error_description\":\"invalid code\"}")));
        kroger.stubFor(post(TOKEN_PATH).atPriority(5)
                .withRequestBody(containing("grant_type=refresh_token")).willReturn(aResponse().withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(KrogerTestSupport.fixture("token-refresh_token-400.json"))));
        kroger.stubFor(post(TOKEN_PATH).atPriority(1)
                .withRequestBody(containing("grant_type=client_credentials"))
                .willReturn(okJson(tokens("app-" + SEQUENCE.incrementAndGet(), Optional.empty()))));
        kroger.stubFor(get("/v1/identity/profile").atPriority(10).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_token\",\"error_description\":\"The access token is invalid or has expired\"}")));
    }

    @Override
    public IdentityProvider identity() {
        return identity;
    }

    /**
     * What Kroger knows after a shopper's consent: a code good once, then the access token it gives (with the
     * profile behind it) and a refresh token good once, which gives a second pair.
     */
    @Override
    public Consent consentedCode() {
        int n = SEQUENCE.incrementAndGet();
        String code = "code-" + n;
        String profileId = UUID.randomUUID().toString();
        String access = "access-" + n;
        String refresh = "refresh-" + n;
        String renewedAccess = "access-" + n + "b";
        String renewedRefresh = "refresh-" + n + "b";
        onlyOnce("code " + n, containing("grant_type=authorization_code&code=" + code + "&"),
                tokens(access, Optional.of(refresh)));
        onlyOnce("refresh " + n, equalTo("grant_type=refresh_token&refresh_token=" + refresh),
                tokens(renewedAccess, Optional.of(renewedRefresh)));
        for (String token : new String[] {access, renewedAccess}) {
            kroger.stubFor(get("/v1/identity/profile").atPriority(1)
                    .withHeader("Authorization", equalTo("Bearer " + token))
                    .willReturn(okJson("{\"data\":{\"id\":\"" + profileId + "\"},\"meta\":{}}")));
        }
        return new Consent(code, Optional.empty());
    }

    /** A token request that works the first time and then falls through to Kroger's 400. */
    private static void onlyOnce(String scenario, StringValuePattern body, String answer) {
        kroger.stubFor(post(TOKEN_PATH).atPriority(1).inScenario(scenario).whenScenarioStateIs(STARTED)
                .withRequestBody(body)
                .willReturn(okJson(answer)).willSetStateTo("used"));
    }

    private static String tokens(String access, Optional<String> refresh) {
        return "{\"access_token\":\"" + access + "\",\"token_type\":\"bearer\",\"expires_in\":1800"
                + refresh.map(r -> ",\"refresh_token\":\"" + r + "\"").orElse("") + "}";
    }
}
