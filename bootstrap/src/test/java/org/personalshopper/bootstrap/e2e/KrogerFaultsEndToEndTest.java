package org.personalshopper.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kroger failing the calls behind a signed-in shopper's requests, and what the shopper's client is answered:
 * the last column of the table in docs/kroger-adapter.md, through the whole service (adapter, use case, web).
 * Always problem+json, never a 500, never a secret.
 */
class KrogerFaultsEndToEndTest {
    @RegisterExtension
    static WireMockExtension kroger = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    static Path dataDir;

    private static ServiceUnderTest service;
    private static Browser shopper;
    private static final String CART_BODY = "{\"items\":[{\"upc\":\"0001234500017\",\"quantity\":1}]}";

    @BeforeAll
    static void aSignedInShopper() {
        service = ServiceUnderTest.start(dataDir, KrogerStub.environment(kroger));
        KrogerStub.signInWorks(kroger);
        shopper = service.newBrowser();
        assertThat(shopper.signInWithCode("e2e-faults-code").statusCode()).isEqualTo(302);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @BeforeEach
    void krogerWorks() {
        kroger.resetAll();
        KrogerStub.signInWorks(kroger);
        KrogerStub.catalogWorks(kroger);
    }

    /** A call the service makes to Kroger, and the shopper's request that makes it. */
    enum Upstream {
        PRODUCT_SEARCH(get(urlPathEqualTo("/v1/products")), b -> b.get("/api/products?term=milk")),
        STORE_SEARCH(get(urlPathEqualTo("/v1/locations")), b -> b.get("/api/locations?zipCode=45202")),
        CART_ADD(put(urlPathEqualTo("/v1/cart/add")), b -> b.post("/api/cart", CART_BODY)),
        /** The app token behind catalog and store search, asked for again after Kroger refused the cached one. */
        CLIENT_CREDENTIALS(post(urlPathEqualTo("/v1/connect/oauth2/token"))
                .withRequestBody(containing("grant_type=client_credentials")), b -> {
                    kroger.stubFor(get(urlPathEqualTo("/v1/products")).willReturn(KrogerStub.json(401,
                            "{\"error\":\"invalid_token\",\"error_description\":\"The access token is invalid or has expired\"}")));
                    return b.get("/api/products?term=milk");
                });

        final MappingBuilder call;
        final Function<Browser, HttpResponse<String>> request;

        Upstream(MappingBuilder call, Function<Browser, HttpResponse<String>> request) {
            this.call = call;
            this.request = request;
        }
    }

    /** A Kroger fault and the status the shopper's client gets for it (the cart's own where it differs). */
    enum KrogerFault {
        CONNECTION_RESET(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), 502, 502),
        HTML_GATEWAY_ERROR(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withBody("<html>502 Bad Gateway</html>"), 502, 502),
        SERVER_ERROR(KrogerStub.json(500, "{\"errors\":{\"timestamp\":1,\"code\":\"API-4500-500\",\"reason\":\"Internal server error\"}}"),
                502, 502),
        QUOTA_SPENT(aResponse().withStatus(429).withHeader("Retry-After", "120"), 503, 503),
        NON_JSON_SUCCESS(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>ok</html>"),
                502, 204),
        CLIENT_CREDENTIALS_REFUSED(KrogerStub.json(400,
                "{\"timestamp\":1,\"code\":\"AUTH-1001-400\",\"reason\":\"invalid client credentials\"}"), 502, 502);

        final ResponseDefinitionBuilder answer;
        final int status;
        final int cartStatus;

        KrogerFault(ResponseDefinitionBuilder answer, int status, int cartStatus) {
            this.answer = answer;
            this.status = status;
            this.cartStatus = cartStatus;
        }
    }

    static Stream<Arguments> faults() {
        List<Arguments> cases = new ArrayList<>();
        for (Upstream upstream : Upstream.values()) {
            for (KrogerFault fault : KrogerFault.values()) {
                // A refused client secret is an answer of the token endpoint only.
                if (fault != KrogerFault.CLIENT_CREDENTIALS_REFUSED || upstream == Upstream.CLIENT_CREDENTIALS) {
                    cases.add(Arguments.of(upstream, fault));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} on the {0}")
    @MethodSource("faults")
    void theShoppersClientGetsTheDocumentedAnswer(Upstream upstream, KrogerFault fault) {
        kroger.stubFor(upstream.call.atPriority(1).willReturn(fault.answer));

        HttpResponse<String> answer = upstream.request.apply(shopper);

        int expected = upstream == Upstream.CART_ADD ? fault.cartStatus : fault.status;
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(expected);
        if (expected >= 500) {
            assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(answer.body()).doesNotContain(KrogerStub.CLIENT_SECRET, KrogerStub.ACCESS_TOKEN,
                    KrogerStub.APP_TOKEN, "<html", "API-4500-500", "AUTH-1001-400");
        }
        if (expected == 503) {
            assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        }
        if (fault == KrogerFault.QUOTA_SPENT && upstream != Upstream.CART_ADD) {
            assertThat(answer.headers().firstValue("Retry-After")).contains("120");
        }
        if (upstream == Upstream.CART_ADD && expected == 502) {
            // The add may have landed: the shopper is told to check, never that it failed.
            assertThat(answer.body()).contains("cart-outcome-unknown");
        }
    }

    static Stream<Arguments> signInFaults() {
        List<Arguments> cases = new ArrayList<>();
        for (String call : List.of("code exchange", "profile")) {
            for (KrogerFault fault : KrogerFault.values()) {
                if (fault != KrogerFault.CLIENT_CREDENTIALS_REFUSED || call.equals("code exchange")) {
                    cases.add(Arguments.of(call, fault));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} on the sign-in's {0}")
    @MethodSource("signInFaults")
    void aSignInKrogerFailsIsABadGatewayAndSignsNobodyIn(String call, KrogerFault fault) {
        kroger.stubFor((call.equals("profile") ? get(urlPathEqualTo("/v1/identity/profile"))
                : post(urlPathEqualTo("/v1/connect/oauth2/token")).withRequestBody(containing("grant_type=authorization_code")))
                .atPriority(1).willReturn(fault.answer));
        Browser browser = service.newBrowser();

        HttpResponse<String> callback = browser.signInWithCode("e2e-faulty-sign-in");

        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(502);
        assertThat(callback.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(browser.cookie("shopper_session")).isEmpty();
        assertThat(callback.body()).doesNotContain(KrogerStub.CLIENT_SECRET, KrogerStub.ACCESS_TOKEN, "e2e-faulty-sign-in");
    }

    /**
     * A refresh that Kroger fails: the shopper's tokens stay as they were (503, try again later), except that
     * Kroger refusing this app's client secret is our misconfiguration (502). Either way the shopper is still
     * signed in with Kroger afterwards: the next refresh, once Kroger works, fills the cart.
     */
    @ParameterizedTest(name = "{0} on a token refresh")
    @MethodSource("refreshFaults")
    void aRefreshKrogerFailsNeverEndsTheShoppersConnection(KrogerFault fault, int expected) throws Exception {
        String name = "refresh-" + fault.name().toLowerCase(java.util.Locale.ROOT);
        kroger.stubFor(post(urlPathEqualTo("/v1/connect/oauth2/token")).atPriority(1)
                .withRequestBody(containing("grant_type=authorization_code"))
                .willReturn(KrogerStub.json(200, KrogerStub.tokens("access-" + name, "refresh-" + name, 1))));
        kroger.stubFor(get(urlPathEqualTo("/v1/identity/profile"))
                .willReturn(KrogerStub.json(200, "{\"data\":{\"id\":\"profile-" + name + "\"},\"meta\":{}}")));
        Browser browser = service.newBrowser();
        assertThat(browser.signInWithCode("code-" + name).statusCode()).isEqualTo(302);
        Thread.sleep(1_200); // the one-second access token has expired: the cart add must refresh first
        kroger.stubFor(post(urlPathEqualTo("/v1/connect/oauth2/token")).atPriority(1)
                .withRequestBody(containing("grant_type=refresh_token")).willReturn(fault.answer));

        HttpResponse<String> answer = browser.post("/api/cart", CART_BODY);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(expected);
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(answer.body()).doesNotContain("refresh-" + name, KrogerStub.CLIENT_SECRET, "AUTH-1001-400");
        kroger.verify(0, com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(urlPathEqualTo("/v1/cart/add")));

        kroger.stubFor(post(urlPathEqualTo("/v1/connect/oauth2/token")).atPriority(1)
                .withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(KrogerStub.json(200, KrogerStub.tokens(KrogerStub.ACCESS_TOKEN, "refresh-" + name + "-b", 1800))));
        assertThat(browser.post("/api/cart", CART_BODY).statusCode()).isEqualTo(204);
    }

    static Stream<Arguments> refreshFaults() {
        return Stream.of(
                Arguments.of(KrogerFault.CONNECTION_RESET, 503),
                Arguments.of(KrogerFault.SERVER_ERROR, 503),
                Arguments.of(KrogerFault.QUOTA_SPENT, 503),
                Arguments.of(KrogerFault.NON_JSON_SUCCESS, 503),
                Arguments.of(KrogerFault.CLIENT_CREDENTIALS_REFUSED, 502));
    }
}
