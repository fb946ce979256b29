package org.personalshopper.adapters.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.domain.ProviderFailure;

/**
 * The plumbing as a second provider's adapter uses it: a Connect-style token endpoint that wants the secret as
 * a form field and answers a user id instead of a lifetime; the provider's name in every reason.
 */
class ProviderHttpTest {
    @RegisterExtension
    static WireMockExtension foodin = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String SECRET = "sk_test_F00d1n-secret";
    private ProviderHttp http;

    @BeforeEach
    void connect() {
        http = ProviderHttp.create(new ProviderEndpoint("Foodin", URI.create(foodin.baseUrl()), Duration.ofSeconds(2),
                Duration.ofSeconds(5), "check FOODIN_SECRET_KEY"), Clock.systemUTC());
    }

    private static ProviderRequest codeExchange() {
        return ProviderRequest.post("/oauth/token", "sign-in")
                .form(List.of(Map.entry("grant_type", "authorization_code"), Map.entry("code", "ac_123")))
                .secret("ac_123")
                .clientCredentials(new ClientCredentials("ca_1", SECRET, ClientCredentials.Presentation.FORM_SECRET));
    }

    private ProviderException failureOf(ProviderRequest request) {
        ProviderException failure = catchThrowableOfType(ProviderException.class, () -> TokenAnswer.request(http, request));
        assertThat(failure).as("a ProviderException").isNotNull();
        assertThat(failure.reason() + failure.getMessage()).doesNotContain(SECRET, "ac_123");
        return failure;
    }

    @Test
    void aConnectStyleTokenAnswerIsReadWithItsUserIdAndNoLifetime() {
        foodin.stubFor(post("/oauth/token").willReturn(okJson("{\"access_token\":\"at_1\",\"refresh_token\":\"rt_1\","
                + "\"token_type\":\"bearer\",\"scope\":\"read_write\",\"livemode\":false,\"foodin_user_id\":\"acct_9\"}")));

        TokenAnswer answer = TokenAnswer.request(http, codeExchange());

        assertThat(answer.text("foodin_user_id")).contains("acct_9");
        assertThat(answer.expiresIn()).isEmpty();
        foodin.verify(postRequestedFor(urlEqualTo("/oauth/token"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("grant_type=authorization_code&code=ac_123&client_secret=sk_test_F00d1n-secret"))
                .withoutHeader("Authorization"));
    }

    @Test
    void aRefusedSecretIsOurMisconfigurationNamedWithTheProvidersHint() {
        foodin.stubFor(post("/oauth/token").willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"No such key: " + SECRET + "\"}")));

        ProviderException failure = failureOf(codeExchange());

        assertThat(failure.failure()).isEqualTo(ProviderFailure.UNAUTHORIZED);
        assertThat(failure.reason()).startsWith("Foodin did not accept this app's client id and secret for the sign-in")
                .contains("check FOODIN_SECRET_KEY").contains("[redacted]");
    }

    @Test
    void anOauthRefusalOfTheGrantIsRejected() {
        foodin.stubFor(post("/oauth/token").willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Authorization code expired: ac_123\"}")));

        ProviderException failure = failureOf(codeExchange());

        assertThat(failure.failure()).isEqualTo(ProviderFailure.REJECTED);
        assertThat(failure.reason()).isEqualTo("Foodin rejected the sign-in (Authorization code expired: [redacted])");
    }

    @Test
    void aBrokenConnectionIsABadGatewayThatMayHaveLanded() {
        foodin.stubFor(post("/oauth/token").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        ProviderException reset = failureOf(codeExchange());

        assertThat(reset.failure()).isEqualTo(ProviderFailure.UNAVAILABLE);
        assertThat(reset.failure().mayHaveTakenEffect()).isTrue();
        assertThat(reset.reason()).isEqualTo("the connection to Foodin broke during the sign-in");
    }

    @Test
    void anAnswerBeyondTheBodyCapIsABadResponseNotAnOutOfMemory() {
        foodin.stubFor(get("/big").willReturn(aResponse().withStatus(200)
                .withBody(new byte[ProviderHttp.MAX_BODY_BYTES + 1])));
        ProviderException big = catchThrowableOfType(ProviderException.class,
                () -> http.call(ProviderRequest.get("/big", "product search")));
        assertThat(big.failure()).isEqualTo(ProviderFailure.BAD_RESPONSE);
        assertThat(big.reason()).isEqualTo("Foodin's answer to the product search was too large to read");
    }

    @Test
    void aProviderCallStartsNoThreadOfItsOwn() {
        // Run with 2 CPUs (this module's surefire setting), where the common pool's parallelism is 1 and an
        // asynchronous CompletableFuture step without an executor gets a new thread: a sign-in flood then
        // starts thousands of threads a second.
        foodin.stubFor(get("/ping").willReturn(okJson("{}")));
        ProviderRequest ping = ProviderRequest.get("/ping", "health check");
        for (int i = 0; i < 5; i++) {
            http.call(ping); // the client's selector and worker, the connection, the timer
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = threads.getTotalStartedThreadCount();
        int calls = 50;
        for (int i = 0; i < calls; i++) {
            http.call(ping);
        }
        assertThat(threads.getTotalStartedThreadCount() - before).as("threads started by %d calls", calls)
                .isLessThan(calls / 5);
    }

    @Test
    void aBodyThatTricklesInPastTheTimeoutsTimesOut() {
        ProviderHttp impatient = ProviderHttp.create(new ProviderEndpoint("Foodin", URI.create(foodin.baseUrl()),
                Duration.ofMillis(300), Duration.ofMillis(300), "check FOODIN_SECRET_KEY"), Clock.systemUTC());
        // Headers at once (the request timeout is met), then the body a byte at a time over 5 s.
        foodin.stubFor(get("/slow").willReturn(aResponse().withStatus(200).withBody("{\"items\":[1,2,3,4,5,6,7,8,9]}")
                .withChunkedDribbleDelay(20, 5_000)));

        ProviderException late = catchThrowableOfType(ProviderException.class,
                () -> impatient.call(ProviderRequest.get("/slow", "product search")));

        assertThat(late).as("a ProviderException").isNotNull();
        assertThat(late.failure()).isEqualTo(ProviderFailure.TIMED_OUT);
        assertThat(late.reason()).isEqualTo("Foodin did not answer the product search in time");
    }
}
