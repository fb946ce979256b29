package org.personalshopper.adapters.kroger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.personalshopper.adapters.kroger.KrogerTestSupport.BASIC;
import static org.personalshopper.adapters.kroger.KrogerTestSupport.CLIENT_ID;
import static org.personalshopper.adapters.kroger.KrogerTestSupport.CLIENT_SECRET;
import static org.personalshopper.adapters.kroger.KrogerTestSupport.REDIRECT_URI;
import static org.personalshopper.adapters.kroger.KrogerTestSupport.REDIRECT_URI_ENCODED;
import static org.personalshopper.adapters.kroger.KrogerTestSupport.SHOPPER_TOKEN;
import static org.personalshopper.adapters.kroger.KrogerTestSupport.assertSafeReason;
import static org.personalshopper.adapters.kroger.KrogerTestSupport.fixture;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.personalshopper.adapters.http.ProviderHttp;
import org.personalshopper.application.port.out.AuthorizationRequest;
import org.personalshopper.application.port.out.IdentityProvider;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.application.port.out.TokenGrant;
import org.personalshopper.domain.Banner;
import org.personalshopper.domain.InvalidValueException;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.ProviderFailure;
import org.slf4j.LoggerFactory;

class KrogerIdentityProviderTest {
    @RegisterExtension
    static WireMockExtension kroger = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String CODE = "AUTH-c0de-7Hq2";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    private static final String STATE = "st4te-Xy_9~Q";
    private static final String FIXTURE_ACCESS = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzY29wZSI6InByb2ZpbGUuY29tcGFjdCBjYXJ0LmJhc2ljOndyaXRlIHByb2R1Y3QuY29tcGFjdCIsImlzcyI6InNhbmRib3gifQ.c2FuZGJveC1zaWduYXR1cmU";
    private static final String FIXTURE_REFRESH = "rT9kQ2mVx7LpA4sZ8wNc3bYe6uHd1Jf0";
    private static final String OLD_REFRESH = "old-refresh-R7f3";

    private IdentityProvider identity;

    @BeforeEach
    void connect() {
        identity = KrogerTestSupport.adapters(kroger.getPort()).identityProvider();
    }

    private static IdentityProvider offline(boolean pkce) {
        KrogerSettings settings = KrogerSettings.of(URI.create("https://api.kroger.com"), CLIENT_ID, CLIENT_SECRET,
                REDIRECT_URI, KrogerSettings.DEFAULT_SCOPES, pkce);
        return KrogerAdapters.create(settings).identityProvider();
    }

    // --- sign-in URL ---

    @Test
    void signInUrlCarriesEveryParameterPercentEncodedWithPkceAndBanner() {
        URI url = offline(true).authorizationUrl(
                new AuthorizationRequest(STATE, Optional.of(CHALLENGE), Optional.of(new Banner("ralphs"))));

        assertThat(url.toString()).isEqualTo("https://api.kroger.com/v1/connect/oauth2/authorize"
                + "?client_id=" + CLIENT_ID
                + "&redirect_uri=" + REDIRECT_URI_ENCODED
                + "&response_type=code"
                + "&scope=profile.compact%20cart.basic%3Awrite%20product.compact"
                + "&state=" + STATE
                + "&code_challenge=" + CHALLENGE
                + "&code_challenge_method=S256"
                + "&banner=ralphs");
    }

    @Test
    void signInUrlWithoutPkceOrBannerHasNeitherParameter() {
        URI url = offline(false).authorizationUrl(new AuthorizationRequest(STATE, Optional.empty(), Optional.empty()));

        assertThat(url.toString()).isEqualTo("https://api.kroger.com/v1/connect/oauth2/authorize"
                + "?client_id=" + CLIENT_ID
                + "&redirect_uri=" + REDIRECT_URI_ENCODED
                + "&response_type=code"
                + "&scope=profile.compact%20cart.basic%3Awrite%20product.compact"
                + "&state=" + STATE);
        assertThat(url.getRawQuery()).doesNotContain("+", "code_challenge", "banner");
    }

    @Test
    void signInUrlEncodesStateCharactersThatWouldBreakTheQuery() {
        URI url = offline(false).authorizationUrl(
                new AuthorizationRequest("a b&c=d+é", Optional.empty(), Optional.empty()));

        assertThat(url.getRawQuery()).endsWith("&state=a%20b%26c%3Dd%2B%C3%A9");
        assertThat(url.getQuery()).endsWith("&state=a b&c=d+é");
    }

    @Test
    void aPkceSettingAndARequestThatDisagreeAreRefusedBeforeKrogerSeesThem() {
        assertThatThrownBy(() -> offline(true).authorizationUrl(
                new AuthorizationRequest(STATE, Optional.empty(), Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("code challenge");
        assertThatThrownBy(() -> offline(false).authorizationUrl(
                new AuthorizationRequest(STATE, Optional.of(CHALLENGE), Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(CHALLENGE);
        assertThat(offline(true).usesPkce()).isTrue();
        assertThat(offline(false).usesPkce()).isFalse();
    }

    @Test
    void knowsExactlyKrogersTwentyFourBanners() {
        String[] banners = {"bakers", "citymarket", "dillons", "fredmeyer", "frys", "gerbes", "kingsoopers", "kroger",
            "metromarket", "picknsave", "qfc", "ralphs", "smiths", "food4less", "foodsco", "harristeeter", "vons",
            "fredmeyerjewelers", "jaycfoods", "marianos", "payless", "ppsrx", "rulerfoods", "copps"};
        assertThat(banners).hasSize(24);
        for (String banner : banners) {
            assertThat(identity.knowsBanner(new Banner(banner))).as(banner).isTrue();
        }
        assertThat(identity.knowsBanner(new Banner("walmart"))).isFalse();
        assertThat(identity.provider()).isEqualTo(new Provider("kroger"));
        assertThatThrownBy(() -> offline(false).authorizationUrl(
                new AuthorizationRequest(STATE, Optional.empty(), Optional.of(new Banner("walmart")))))
                .isInstanceOf(InvalidValueException.class);
    }

    // --- token grants ---

    @Test
    void codeExchangeSendsBasicAuthAndExactlyTheFormKrogerExpects() {
        kroger.stubFor(post("/v1/connect/oauth2/token").willReturn(okJson(fixture("token-authorization_code.json"))));

        TokenGrant grant = identity.exchangeCode(CODE, Optional.of(VERIFIER));

        kroger.verify(1, postRequestedFor(urlEqualTo("/v1/connect/oauth2/token"))
                .withHeader("Authorization", equalTo(BASIC))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(equalTo("grant_type=authorization_code&code=" + CODE
                        + "&redirect_uri=" + REDIRECT_URI_ENCODED + "&code_verifier=" + VERIFIER)));
        assertThat(grant.accessToken().value()).isEqualTo(FIXTURE_ACCESS);
        assertThat(grant.refreshToken()).contains(FIXTURE_REFRESH);
        assertThat(grant.expiresIn()).isEqualTo(Duration.ofSeconds(1800));
    }

    @Test
    void codeExchangeWithoutPkceSendsNoVerifier() {
        kroger.stubFor(post("/v1/connect/oauth2/token").willReturn(okJson(fixture("token-authorization_code.json"))));

        identity.exchangeCode(CODE, Optional.empty());

        kroger.verify(1, postRequestedFor(urlEqualTo("/v1/connect/oauth2/token"))
                .withHeader("Authorization", equalTo(BASIC))
                .withRequestBody(equalTo("grant_type=authorization_code&code=" + CODE
                        + "&redirect_uri=" + REDIRECT_URI_ENCODED)));
    }

    @Test
    void refreshSendsTheRefreshTokenWithBasicAuthAndReturnsTheRotatedOne() {
        kroger.stubFor(post("/v1/connect/oauth2/token").willReturn(okJson(fixture("token-authorization_code.json"))));

        TokenGrant grant = identity.refresh(OLD_REFRESH);

        kroger.verify(1, postRequestedFor(urlEqualTo("/v1/connect/oauth2/token"))
                .withHeader("Authorization", equalTo(BASIC))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("grant_type=refresh_token&refresh_token=" + OLD_REFRESH)));
        assertThat(grant.refreshToken()).contains(FIXTURE_REFRESH);
    }

    @Test
    void appTokenUsesClientCredentialsForTheCatalogScopeAndHasNoRefreshToken() {
        kroger.stubFor(post("/v1/connect/oauth2/token").willReturn(
                okJson("{\"access_token\":\"app-tok\",\"token_type\":\"Bearer\",\"expires_in\":1800,\"scope\":\"product.compact\"}")));

        TokenGrant grant = identity.appToken();

        kroger.verify(1, postRequestedFor(urlEqualTo("/v1/connect/oauth2/token"))
                .withHeader("Authorization", equalTo(BASIC))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("grant_type=client_credentials&scope=product.compact")));
        assertThat(grant.accessToken().value()).isEqualTo("app-tok");
        assertThat(grant.refreshToken()).isEmpty();
        assertThat(grant.expiresIn()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aTokenAnswerWithoutAccessTokenOrLifetimeOrOfAnotherTypeIsABadResponse() {
        String[] bodies = {
            "{\"token_type\":\"bearer\",\"expires_in\":1800}",
            "{\"access_token\":\"" + FIXTURE_ACCESS + "\",\"token_type\":\"bearer\"}",
            "{\"access_token\":\"" + FIXTURE_ACCESS + "\",\"token_type\":\"bearer\",\"expires_in\":0}",
            "{\"access_token\":\"" + FIXTURE_ACCESS + "\",\"token_type\":\"mac\",\"expires_in\":1800}",
            "[\"" + FIXTURE_ACCESS + "\"]"};
        for (String body : bodies) {
            kroger.stubFor(post("/v1/connect/oauth2/token").willReturn(okJson(body)));
            ProviderException failure = catchThrowableOfType(ProviderException.class, () -> identity.appToken());
            assertThat(failure.failure()).as(body).isEqualTo(ProviderFailure.BAD_RESPONSE);
            assertSafeReason(failure, FIXTURE_ACCESS);
        }
    }

    // --- profile ---

    @Test
    void profileIsTheIdKrogerGivesForTheShoppersToken() {
        kroger.stubFor(get("/v1/identity/profile").willReturn(okJson(fixture("identity-profile.json"))));

        ProfileId profile = identity.profile(SHOPPER_TOKEN);

        assertThat(profile).isEqualTo(new ProfileId("7c1e9a42-3b5d-4f80-9e26-d4a1b8c05f3e"));
        kroger.verify(1, getRequestedFor(urlEqualTo("/v1/identity/profile"))
                .withHeader("Authorization", equalTo("Bearer " + SHOPPER_TOKEN.value()))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void aProfileAnswerWithoutAnIdIsABadResponse() {
        kroger.stubFor(get("/v1/identity/profile").willReturn(okJson("{\"data\":{},\"meta\":{}}")));

        assertThat(failureOf(() -> identity.profile(SHOPPER_TOKEN)).failure()).isEqualTo(ProviderFailure.BAD_RESPONSE);
    }

    @Test
    void anExpiredShopperTokenIsUnauthorized() {
        kroger.stubFor(get("/v1/identity/profile").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_token\",\"error_description\":\"The access token is invalid or has expired\"}")));

        ProviderException failure = failureOf(() -> identity.profile(SHOPPER_TOKEN));

        assertThat(failure.failure()).isEqualTo(ProviderFailure.UNAUTHORIZED);
        assertThat(failure.reason()).contains("invalid or has expired");
        assertSafeReason(failure);
    }

    @Test
    void aTokenWithoutTheProfileScopeIsForbiddenAndTheReasonNamesTheScope() {
        kroger.stubFor(get("/v1/identity/profile").willReturn(aResponse().withStatus(403)
                .withBody("{\"errors\":{\"timestamp\":1732270123456,\"code\":\"Forbidden\",\"reason\":\"missing required scopes\"}}")));

        ProviderException failure = failureOf(() -> identity.profile(SHOPPER_TOKEN));

        assertThat(failure.failure()).isEqualTo(ProviderFailure.FORBIDDEN);
        assertThat(failure.reason()).contains("profile.compact").contains("missing required scopes");
    }

    // --- failures of the token endpoint ---

    @Test
    void aBadCodeIsRejectedWithKrogersExplanationAndNoSecret() {
        kroger.stubFor(post("/v1/connect/oauth2/token").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_request\",\"error_description\":\"invalid code\"}")));

        ProviderException failure = failureOf(() -> identity.exchangeCode(CODE, Optional.of(VERIFIER)));

        assertThat(failure.failure()).isEqualTo(ProviderFailure.REJECTED);
        assertThat(failure.reason()).contains("invalid code");
        assertThat(failure.retryAfter()).isEmpty();
        assertSafeReason(failure, CODE, VERIFIER);
    }

    @Test
    void aSecretKrogerEchoesBackIsScrubbedFromTheReason() {
        kroger.stubFor(post("/v1/connect/oauth2/token").willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"invalid_request\",\"error_description\":\"code " + CODE + " for "
                        + CLIENT_SECRET + " is invalid\"}")));

        ProviderException failure = failureOf(() -> identity.exchangeCode(CODE, Optional.of(VERIFIER)));

        assertThat(failure.reason()).contains("[redacted]").contains("is invalid");
        assertSafeReason(failure, CODE);
    }

    @Test
    void wrongClientCredentialsAreNamedWhateverTheCaseOfKrogersErrorCode() {
        kroger.stubFor(post("/v1/connect/oauth2/token").willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"UNAUTHORIZED\",\"error_description\":\"invalid credentials\"}")));

        ProviderException failure = failureOf(() -> identity.appToken());

        assertThat(failure.failure()).isEqualTo(ProviderFailure.UNAUTHORIZED);
        assertThat(failure.reason()).contains("client id and").contains("KROGER_CLIENT_SECRET").contains("invalid credentials");
        assertSafeReason(failure);
    }

    @Test
    void aServerFaultInKrogersErrorsShapeIsUnavailable() {
        kroger.stubFor(post("/v1/connect/oauth2/token").willReturn(aResponse().withStatus(500)
                .withBody("{\"errors\":{\"reason\":\"Internal server error\",\"code\":\"Auth-4123-500\",\"timestamp\":1564159296910}}")));

        ProviderException failure = failureOf(() -> identity.exchangeCode(CODE, Optional.empty()));

        assertThat(failure.failure()).isEqualTo(ProviderFailure.UNAVAILABLE);
        assertThat(failure.reason()).contains("Internal server error").doesNotContain("Auth-4123-500");
        assertSafeReason(failure, CODE);
    }

    @Test
    void aConnectionResetAfterSendingIsABadGatewayNotATimeout() {
        kroger.stubFor(post("/v1/connect/oauth2/token")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        ProviderException failure = failureOf(() -> identity.exchangeCode(CODE, Optional.empty()));

        assertThat(failure.failure()).isEqualTo(ProviderFailure.UNAVAILABLE);
        assertSafeReason(failure, CODE);
    }

    @Test
    void noAnswerWithinTheRequestTimeoutIsTimedOut() {
        kroger.stubFor(post("/v1/connect/oauth2/token")
                .willReturn(okJson(fixture("token-authorization_code.json")).withFixedDelay(KrogerTestSupport.SLOW_MILLIS)));
        IdentityProvider impatient = KrogerTestSupport.impatient(kroger.getPort()).identityProvider();

        ProviderException failure = failureOf(() -> impatient.exchangeCode(CODE, Optional.empty()));

        assertThat(failure.failure()).isEqualTo(ProviderFailure.TIMED_OUT);
        assertThat(failure.reason()).contains("in time");
    }

    @Test
    void malformedJsonIsABadResponseThatQuotesNothingOfTheBody() {
        kroger.stubFor(post("/v1/connect/oauth2/token").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + FIXTURE_ACCESS + "\",\"expires_in\":18")));

        ProviderException failure = failureOf(() -> identity.exchangeCode(CODE, Optional.empty()));

        assertThat(failure.failure()).isEqualTo(ProviderFailure.BAD_RESPONSE);
        assertThat(failure.getCause()).isNull();
        assertSafeReason(failure, FIXTURE_ACCESS, "eyJ", CODE);
    }

    @Test
    void aRateLimitCarriesKrogersRetryAfterInSeconds() {
        kroger.stubFor(post("/v1/connect/oauth2/token").willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "120")));

        ProviderException failure = failureOf(() -> identity.appToken());

        assertThat(failure.failure()).isEqualTo(ProviderFailure.RATE_LIMITED);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(120));
    }

    @Test
    void aClosedPortIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        IdentityProvider nowhere = KrogerTestSupport.adapters(closedPort).identityProvider();

        ProviderException failure = failureOf(() -> nowhere.exchangeCode(CODE, Optional.empty()));

        assertThat(failure.failure()).isEqualTo(ProviderFailure.UNREACHABLE);
        assertThat(failure.failure().mayHaveTakenEffect()).isFalse();
        assertSafeReason(failure, CODE);
    }

    @Test
    void anUnknownHostIsUnreachable() {
        KrogerSettings settings = new KrogerSettings(URI.create("http://kroger-api.invalid"), CLIENT_ID, CLIENT_SECRET,
                REDIRECT_URI, KrogerSettings.DEFAULT_SCOPES, false, Duration.ofSeconds(2), Duration.ofSeconds(2));

        ProviderException failure = failureOf(() -> KrogerAdapters.create(settings).identityProvider().appToken());

        assertThat(failure.failure()).isEqualTo(ProviderFailure.UNREACHABLE);
    }

    // --- refresh: any refusal means "sign in again", outages mean "try later" ---

    @Test
    void aRefreshTokenKrogerRefusesWithItsRealBodyIsRejected() {
        kroger.stubFor(post("/v1/connect/oauth2/token").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(fixture("token-refresh_token-400.json"))));

        ProviderException failure = failureOf(() -> identity.refresh(OLD_REFRESH));

        assertThat(failure.failure()).isEqualTo(ProviderFailure.REJECTED);
        assertThat(failure.reason()).contains("sign in again").contains("invalid refresh_token");
        assertSafeReason(failure, OLD_REFRESH);
    }

    @Test
    void anyOtherClientErrorOnRefreshIsAlsoRejected() {
        for (int status : new int[] {403, 404}) {
            kroger.stubFor(post("/v1/connect/oauth2/token").willReturn(aResponse().withStatus(status)
                    .withBody("{\"error\":\"invalid_grant\"}")));

            assertThat(failureOf(() -> identity.refresh(OLD_REFRESH)).failure()).as("HTTP " + status)
                    .isEqualTo(ProviderFailure.REJECTED);
        }
    }

    @Test
    void refusedClientCredentialsOnARefreshAreOurFaultAndNeverLogTheShopperOut() {
        kroger.stubFor(post("/v1/connect/oauth2/token").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"unauthorized\",\"error_description\":\"invalid credentials\"}")));
        ProviderException badSecret = failureOf(() -> identity.refresh(OLD_REFRESH));
        assertThat(badSecret.failure()).isNotEqualTo(ProviderFailure.REJECTED).isEqualTo(ProviderFailure.UNAUTHORIZED);
        assertThat(badSecret.reason()).contains("KROGER_CLIENT_ID");
        assertSafeReason(badSecret, OLD_REFRESH);

        kroger.stubFor(post("/v1/connect/oauth2/token").willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"invalid_client\"}")));
        assertThat(failureOf(() -> identity.refresh(OLD_REFRESH)).failure()).isEqualTo(ProviderFailure.UNAUTHORIZED);
    }

    @Test
    void aFlatCodeAndReasonRefusalOfOurClientCredentialsIsOurMisconfigurationLoggedLoudly() {
        // Kroger's live token endpoint refuses a wrong client id or secret with a flat {code, reason} 400,
        // not with the OAuth shape of its spec: that is about this app, never about the shopper's grant.
        Logger log = (Logger) LoggerFactory.getLogger(ProviderHttp.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        log.addAppender(lines);
        try {
            for (String body : List.of(
                    "{\"timestamp\":1732270123456,\"code\":\"AUTH-1001-400\",\"reason\":\"invalid client credentials\"}",
                    "{\"errors\":{\"timestamp\":1732270123456,\"code\":\"Unauthorized\",\"reason\":\"invalid credentials\"}}")) {
                kroger.stubFor(post("/v1/connect/oauth2/token").willReturn(aResponse().withStatus(400)
                        .withHeader("Content-Type", "application/json").withBody(body)));

                for (ProviderException failure : List.of(failureOf(() -> identity.refresh(OLD_REFRESH)),
                        failureOf(() -> identity.exchangeCode(CODE, Optional.of(VERIFIER))),
                        failureOf(() -> identity.appToken()))) {
                    assertThat(failure.failure()).as(body).isEqualTo(ProviderFailure.UNAUTHORIZED);
                    assertThat(failure.reason()).contains("KROGER_CLIENT_ID").contains("client id and secret");
                    assertSafeReason(failure, OLD_REFRESH, CODE, VERIFIER);
                }
            }
        } finally {
            log.detachAppender(lines);
        }
        assertThat(lines.list).filteredOn(line -> line.getLevel() == Level.ERROR)
                .hasSize(6)
                .allSatisfy(line -> assertThat(line.getFormattedMessage()).contains("KROGER_CLIENT_ID")
                        .doesNotContain(CLIENT_SECRET, OLD_REFRESH, CODE, VERIFIER));
    }

    @Test
    void aRefreshDuringAnOutageKeepsTheTokenUsable() {
        kroger.stubFor(post("/v1/connect/oauth2/token").willReturn(aResponse().withStatus(503)));
        assertThat(failureOf(() -> identity.refresh(OLD_REFRESH)).failure()).isEqualTo(ProviderFailure.UNAVAILABLE);

        kroger.stubFor(post("/v1/connect/oauth2/token")
                .willReturn(aResponse().withFixedDelay(KrogerTestSupport.SLOW_MILLIS)));
        IdentityProvider impatient = KrogerTestSupport.impatient(kroger.getPort()).identityProvider();
        assertThat(failureOf(() -> impatient.refresh(OLD_REFRESH)).failure()).isEqualTo(ProviderFailure.TIMED_OUT);

        // A spent quota says nothing about the refresh token: the shopper is not logged out for it.
        kroger.stubFor(post("/v1/connect/oauth2/token").willReturn(aResponse().withStatus(429)));
        assertThat(failureOf(() -> identity.refresh(OLD_REFRESH)).failure()).isEqualTo(ProviderFailure.RATE_LIMITED);
    }

    private static ProviderException failureOf(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        ProviderException failure = catchThrowableOfType(ProviderException.class, call);
        assertThat(failure).as("a ProviderException").isNotNull();
        return failure;
    }
}
