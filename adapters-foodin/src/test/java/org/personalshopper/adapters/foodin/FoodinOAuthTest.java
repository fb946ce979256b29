package org.personalshopper.adapters.foodin;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.ProviderFailure;

/** Foodin's authorize URL and token calls against a WireMock Foodin, including every way the call can fail. */
class FoodinOAuthTest {

    static final String CLIENT_ID = "ca_4f1d2c3b5a69788a";
    static final String SECRET = "sk_test_Zq8SECRETvU7x";
    static final URI REDIRECT = URI.create("https://shop.example/auth/callback/foodin");
    static final String CODE = "ac_CODE_1234";
    static final String REFRESH = "rt_REFRESH_5678";
    static final String ACCESS = "fat_test_ACCESS_9abc";
    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    static final int SLOW_MILLIS = 3_000;

    @RegisterExtension
    static WireMockExtension foodin = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private FoodinOAuth oauth(Duration requestTimeout) {
        FoodinSettings settings = FoodinSettings.of(URI.create(foodin.baseUrl()), CLIENT_ID, SECRET, REDIRECT,
                FoodinScope.READ_WRITE).withTimeouts(Duration.ofSeconds(2), requestTimeout);
        return FoodinOAuth.create(settings, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private FoodinOAuth oauth() {
        return oauth(Duration.ofSeconds(5));
    }

    private static String tokenAnswer(String... extraFields) {
        StringBuilder json = new StringBuilder("{\"access_token\":\"" + ACCESS + "\",\"token_type\":\"bearer\","
                + "\"livemode\":false,\"foodin_user_id\":\"fdu_0123456789abcdef01234567\"");
        for (String field : extraFields) {
            json.append(',').append(field);
        }
        return json.append('}').toString();
    }

    private static void stubToken(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        foodin.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(answer));
    }

    private static void assertSafe(ProviderException failure) {
        assertThat(failure.reason() + " " + failure.getMessage()).doesNotContain(SECRET, CODE, REFRESH, ACCESS);
    }

    @Test
    void theAuthorizeUrlAsksForACodeWithTheRedirectUriScopeAndStateAndNoPkce() {
        URI url = oauth().authorizationUrl("st ate/1");

        assertThat(url.getPath()).isEqualTo("/oauth/authorize");
        assertThat(url.toString()).startsWith(foodin.baseUrl() + "/oauth/authorize?");
        Map<String, String> query = query(url);
        assertThat(query).containsEntry("client_id", CLIENT_ID)
                .containsEntry("response_type", "code")
                .containsEntry("redirect_uri", REDIRECT.toString())
                .containsEntry("scope", "read_write")
                .containsEntry("state", "st ate/1")
                .doesNotContainKeys("code_challenge", "code_challenge_method", "client_secret");
        assertThat(url.toString()).doesNotContain(SECRET);
    }

    @Test
    void aCodeExchangeSendsTheSecretAsAFormParameterNeverBasicAndReadsTheUserId() {
        stubToken(okJson(tokenAnswer("\"refresh_token\":\"" + REFRESH + "\"", "\"expires_in\":3600",
                "\"scope\":\"read_write\"")));

        FoodinGrant grant = oauth().exchangeCode(CODE);

        assertThat(grant.accessToken().value()).isEqualTo(ACCESS);
        assertThat(grant.refreshToken()).hasValue(REFRESH);
        assertThat(grant.expiresIn()).hasValue(Duration.ofHours(1));
        assertThat(grant.foodinUserId()).hasValue(new ProfileId("fdu_0123456789abcdef01234567"));
        assertThat(grant.scope()).hasValue(FoodinScope.READ_WRITE);
        assertThat(grant.toString()).doesNotContain(ACCESS, REFRESH);
        foodin.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withHeader("Authorization", absent())
                .withFormParam("grant_type", equalTo("authorization_code"))
                .withFormParam("code", equalTo(CODE))
                .withFormParam("client_secret", equalTo(SECRET))
                .withFormParam("code_verifier", absent())
                .withFormParam("scope", absent()));
    }

    @Test
    void aMissingExpiresInMeansAnUnknownLifetimeNeverForever() {
        stubToken(okJson(tokenAnswer("\"refresh_token\":\"" + REFRESH + "\"")));

        FoodinGrant grant = oauth().exchangeCode(CODE);

        assertThat(grant.expiresIn()).isEmpty();
        assertThat(grant.toString()).contains("expiresIn=unknown");
    }

    @Test
    void anAnswerWithoutTheUserIdCannotSignAnyoneIn() {
        stubToken(okJson("{\"access_token\":\"" + ACCESS + "\",\"refresh_token\":\"" + REFRESH + "\"}"));

        ProviderException failure = catchThrowableOfType(ProviderException.class, () -> oauth().exchangeCode(CODE));

        assertThat(failure.failure()).isEqualTo(ProviderFailure.BAD_RESPONSE);
        assertThat(failure.reason()).contains("foodin_user_id");
        assertSafe(failure);
    }

    @Test
    void aUserIdThatIsNotOneIsABadResponse() {
        stubToken(okJson("{\"access_token\":\"" + ACCESS + "\",\"foodin_user_id\":\"has spaces in it\"}"));

        ProviderException failure = catchThrowableOfType(ProviderException.class, () -> oauth().exchangeCode(CODE));

        assertThat(failure.failure()).isEqualTo(ProviderFailure.BAD_RESPONSE);
    }

    @Test
    void anAnswerThatIsNotJsonIsABadResponseAndQuotesNothing() {
        stubToken(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html>" + ACCESS + "</html>"));

        ProviderException failure = catchThrowableOfType(ProviderException.class, () -> oauth().exchangeCode(CODE));

        assertThat(failure.failure()).isEqualTo(ProviderFailure.BAD_RESPONSE);
        assertSafe(failure);
    }

    @Test
    void aUsedOrExpiredCodeIsRejectedAndFoodinsReasonShownWithoutTheCode() {
        stubToken(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Authorization code " + CODE
                        + " has already been used\"}"));

        ProviderException failure = catchThrowableOfType(ProviderException.class, () -> oauth().exchangeCode(CODE));

        assertThat(failure.failure()).isEqualTo(ProviderFailure.REJECTED);
        assertThat(failure.reason()).contains("Foodin").contains("already been used").contains("[redacted]");
        assertSafe(failure);
        foodin.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
    }

    @Test
    void aRefusedClientSecretIsOurMisconfigurationNamingTheVariables() {
        stubToken(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"Invalid client_secret\"}"));

        ProviderException exchange = catchThrowableOfType(ProviderException.class, () -> oauth().exchangeCode(CODE));
        ProviderException refresh = catchThrowableOfType(ProviderException.class,
                () -> oauth().refresh(REFRESH, Optional.empty()));

        assertThat(exchange.failure()).isEqualTo(ProviderFailure.UNAUTHORIZED);
        assertThat(exchange.reason()).contains("FOODIN_CLIENT_ID and FOODIN_CLIENT_SECRET");
        // Never a verdict on the user's refresh token: they must not be made to connect again for our mistake.
        assertThat(refresh.failure()).isEqualTo(ProviderFailure.UNAUTHORIZED);
        assertSafe(exchange);
        assertSafe(refresh);
    }

    @Test
    void aRateLimitIsRateLimitedWithItsRetryAfter() {
        stubToken(aResponse().withStatus(429).withHeader("Retry-After", "30"));

        ProviderException failure = catchThrowableOfType(ProviderException.class, () -> oauth().exchangeCode(CODE));

        assertThat(failure.failure()).isEqualTo(ProviderFailure.RATE_LIMITED);
        assertThat(failure.retryAfter()).hasValue(Duration.ofSeconds(30));
    }

    @ParameterizedTest
    @EnumSource(names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE"})
    void aCodeExchangeCutOffIsAnOutageAndIsNeverSentTwice(Fault fault) {
        stubToken(aResponse().withFault(fault));

        ProviderException failure = catchThrowableOfType(ProviderException.class, () -> oauth().exchangeCode(CODE));

        // A broken connection is a bad gateway: the request may have landed, so it is never sent again.
        assertThat(failure.failure()).isEqualTo(ProviderFailure.UNAVAILABLE);
        assertThat(failure.failure().mayHaveTakenEffect()).isTrue();
        assertSafe(failure);
        // A second exchange of the same code would revoke the user's whole connection.
        foodin.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
    }

    @Test
    void aCodeExchangeThatTimesOutIsTimedOutAndIsNeverSentTwice() {
        stubToken(okJson(tokenAnswer()).withFixedDelay(SLOW_MILLIS));

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> oauth(Duration.ofMillis(300)).exchangeCode(CODE));

        assertThat(failure.failure()).isEqualTo(ProviderFailure.TIMED_OUT);
        foodin.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
    }

    @Test
    void aServerErrorIsUnavailableWithItsRetryAfterAndNeverRetried() {
        stubToken(aResponse().withStatus(503).withHeader("Retry-After", "12")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"temporarily_unavailable\",\"error_description\":\"maintenance\"}"));

        ProviderException failure = catchThrowableOfType(ProviderException.class, () -> oauth().exchangeCode(CODE));

        assertThat(failure.failure()).isEqualTo(ProviderFailure.UNAVAILABLE);
        assertThat(failure.retryAfter()).hasValue(Duration.ofSeconds(12));
        foodin.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
    }

    @Test
    void aRefreshSendsTheRefreshTokenAndTheSecretAndNoScopeByDefault() {
        stubToken(okJson(tokenAnswer("\"expires_in\":3600", "\"scope\":\"read_write\"")));

        FoodinGrant grant = oauth().refresh(REFRESH, Optional.empty());

        assertThat(grant.accessToken().value()).isEqualTo(ACCESS);
        assertThat(grant.refreshToken()).as("none sent: the old refresh token stays valid").isEmpty();
        foodin.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token"))
                .withHeader("Authorization", absent())
                .withFormParam("grant_type", equalTo("refresh_token"))
                .withFormParam("refresh_token", equalTo(REFRESH))
                .withFormParam("client_secret", equalTo(SECRET))
                .withFormParam("scope", absent()));
    }

    @Test
    void aRefreshMayAskForANarrowerScope() {
        stubToken(okJson(tokenAnswer("\"scope\":\"read_only\"")));

        FoodinGrant grant = oauth().refresh(REFRESH, Optional.of(FoodinScope.READ_ONLY));

        assertThat(grant.scope()).hasValue(FoodinScope.READ_ONLY);
        foodin.verify(postRequestedFor(urlPathEqualTo("/oauth/token")).withFormParam("scope", equalTo("read_only")));
    }

    @Test
    void aRefreshThatGivesANewRefreshTokenHandsItBack() {
        stubToken(okJson(tokenAnswer("\"refresh_token\":\"rt_NEW\"")));

        assertThat(oauth().refresh(REFRESH, Optional.empty()).refreshToken()).hasValue("rt_NEW");
    }

    @Test
    void aRevokedRefreshTokenIsRejectedSoTheUserConnectsAgain() {
        stubToken(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Refresh token does not exist or was revoked\"}"));

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> oauth().refresh(REFRESH, Optional.empty()));

        assertThat(failure.failure()).isEqualTo(ProviderFailure.REJECTED);
        assertThat(failure.reason()).contains("sign in again");
        assertSafe(failure);
    }

    @Test
    void aRefreshDuringAnOutageIsNotAVerdictOnTheRefreshToken() {
        stubToken(aResponse().withStatus(502));

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> oauth().refresh(REFRESH, Optional.empty()));

        assertThat(failure.failure()).isEqualTo(ProviderFailure.UNAVAILABLE);
    }

    @Test
    void aTokenTypeOtherThanBearerIsABadResponse() {
        stubToken(okJson("{\"access_token\":\"" + ACCESS + "\",\"token_type\":\"mac\",\"foodin_user_id\":\"fdu_1\"}"));

        assertThat(catchThrowableOfType(ProviderException.class, () -> oauth().exchangeCode(CODE)).failure())
                .isEqualTo(ProviderFailure.BAD_RESPONSE);
    }

    @Test
    void blankInputIsAProgrammingErrorAndSendsNothing() {
        assertThatThrownBy(() -> oauth().exchangeCode(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> oauth().refresh("", Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> oauth().authorizationUrl("")).isInstanceOf(IllegalArgumentException.class);
        foodin.verify(0, postRequestedFor(urlPathEqualTo("/oauth/token")));
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
