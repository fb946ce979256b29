package org.personalshopper.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.personalshopper.bootstrap.e2e.Waiting.waitFor;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two service instances sharing one database, as a deployment with several instances runs: any number of
 * concurrent calls for a shopper whose token expired cause exactly one refresh at Kroger, and a session ended on
 * one instance stops working on the other though that one remembers it (ADR 12).
 */
class TokenRefreshEndToEndTest {
    @RegisterExtension
    static WireMockExtension kroger = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()
            .containerThreads(120)).build();

    @TempDir
    static Path work;

    private static EmbeddedPostgres sharedDatabase;
    private static ServiceUnderTest first;
    private static ServiceUnderTest second;

    @BeforeAll
    static void twoInstancesOnOneDatabase() throws Exception {
        sharedDatabase = EmbeddedPostgres.builder().start();
        Map<String, String> env = KrogerStub.environment(kroger, sharedDatabase.getJdbcUrl("postgres", "postgres"));
        first = ServiceUnderTest.start(work.resolve("first"), env);
        // Both instances must accept the one callback URL Kroger knows; sessions live in the shared database.
        env.put("KROGER_REDIRECT_URI", first.config().redirectUri().toString());
        second = ServiceUnderTest.start(work.resolve("second"), env);
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {first, second, sharedDatabase}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @BeforeEach
    void krogerAnswers() {
        kroger.resetAll();
        KrogerStub.catalogWorks(kroger);
    }

    /** Signs a shopper in on the first instance with a token that expires in one second. */
    private Browser signedInWithExpiringToken(String profile, String accessToken, String refreshToken) throws Exception {
        kroger.stubFor(post(urlPathEqualTo("/v1/connect/oauth2/token")).withRequestBody(containing("grant_type=authorization_code"))
                .willReturn(KrogerStub.json(200, KrogerStub.tokens(accessToken, refreshToken, 1))));
        kroger.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/v1/identity/profile"))
                .willReturn(KrogerStub.json(200, "{\"data\":{\"id\":\"" + profile + "\"},\"meta\":{}}")));
        Browser browser = first.newBrowser();
        HttpResponse<String> callback = browser.signInWithCode("code-" + profile);
        assertThat(callback.statusCode()).isEqualTo(302);
        Thread.sleep(1_200); // let the one-second access token expire
        return browser;
    }

    private static List<HttpResponse<String>> concurrently(int calls, Callable<HttpResponse<String>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (Future<HttpResponse<String>> future : futures) {
            responses.add(future.get());
        }
        pool.shutdown();
        return responses;
    }

    private static void refreshAnswers(String oldRefresh, String newAccess, String newRefresh) {
        kroger.stubFor(post(urlPathEqualTo("/v1/connect/oauth2/token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=" + oldRefresh))
                // slow enough that every concurrent call arrives while the refresh is in flight
                .willReturn(KrogerStub.json(200, KrogerStub.tokens(newAccess, newRefresh, 1800)).withFixedDelay(300)));
    }

    private static final String CART_BODY = "{\"items\":[{\"upc\":\"0001234500017\",\"quantity\":1}]}";

    @Test
    void fiftyConcurrentCallsOnOneInstanceCauseExactlyOneRefresh() throws Exception {
        Browser browser = signedInWithExpiringToken("profile-one-instance", "access-expired-1", "refresh-1");
        refreshAnswers("refresh-1", "access-fresh-1", "refresh-1b");

        List<HttpResponse<String>> responses = concurrently(50, () -> browser.post("/api/cart", CART_BODY));

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(204));
        kroger.verify(1, postRequestedFor(urlPathEqualTo("/v1/connect/oauth2/token")).withRequestBody(containing("grant_type=refresh_token")));
        kroger.verify(50, putRequestedFor(urlPathEqualTo("/v1/cart/add")).withHeader("Authorization", equalTo("Bearer access-fresh-1")));
    }

    @Test
    void callsSpreadOverTwoInstancesCauseExactlyOneRefreshAndSendTheOldRefreshTokenOnce() throws Exception {
        Browser onFirst = signedInWithExpiringToken("profile-two-instances", "access-expired-2", "refresh-2");
        Browser onSecond = second.newBrowser();
        onSecond.setCookie("shopper_session", onFirst.cookie("shopper_session").orElseThrow());
        refreshAnswers("refresh-2", "access-fresh-2", "refresh-2b");

        List<HttpResponse<String>> responses = concurrently(50, new Callable<>() {
            private final java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();

            @Override
            public HttpResponse<String> call() {
                return (n.getAndIncrement() % 2 == 0 ? onFirst : onSecond).post("/api/cart", CART_BODY);
            }
        });

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(204));
        kroger.verify(1, postRequestedFor(urlPathEqualTo("/v1/connect/oauth2/token")).withRequestBody(containing("grant_type=refresh_token")));
        kroger.verify(50, putRequestedFor(urlPathEqualTo("/v1/cart/add")).withHeader("Authorization", equalTo("Bearer access-fresh-2")));

        // Kroger's refresh tokens are single use: the old one went out exactly once.
        kroger.verify(1, postRequestedFor(urlPathEqualTo("/v1/connect/oauth2/token"))
                .withRequestBody(matching("(.*&)?refresh_token=refresh-2(&.*)?")));
    }

    @Test
    void signingOutOnOneInstanceEndsTheSessionOnTheOtherThoughItRemembersIt() throws Exception {
        Browser onFirst = signedInWithExpiringToken("profile-signs-out", "access-4", "refresh-4");
        Browser onSecond = second.newBrowser();
        onSecond.setCookie("shopper_session", onFirst.cookie("shopper_session").orElseThrow());
        assertThat(onSecond.get("/api/user").statusCode()).as("the second instance has read the session").isEqualTo(200);

        assertThat(onFirst.post("/auth/logout", "").statusCode()).isEqualTo(204);

        // The second instance hears of the ending from the database (milliseconds on one machine); 5 s is the
        // test's patience, far less than the 30 s a remembered session would otherwise live.
        waitFor(() -> onSecond.get("/api/user").statusCode() != 200, Duration.ofSeconds(5),
                "end of the session on the second instance");
        assertThat(onSecond.get("/api/user").statusCode()).isEqualTo(401);
    }

    @Test
    void kroger_refusingTheRefreshTokenAsksTheShopperToSignInAgain() throws Exception {
        Browser browser = signedInWithExpiringToken("profile-refused", "access-expired-3", "refresh-3");
        kroger.stubFor(post(urlPathEqualTo("/v1/connect/oauth2/token")).withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(KrogerStub.json(400, KrogerStub.fixture("token-refresh_token-400.json"))));

        HttpResponse<String> cart = browser.post("/api/cart", CART_BODY);

        assertThat(cart.statusCode()).isEqualTo(401);
        assertThat(cart.body()).contains("sign-in-required").contains("/auth/login");
        HttpResponse<String> user = browser.get("/api/user");
        assertThat(user.statusCode()).as("the session stays, so the client can show who must reconnect").isEqualTo(200);
        assertThat(user.body()).contains("\"connected\":false");
        kroger.verify(0, putRequestedFor(urlPathEqualTo("/v1/cart/add")));
    }
}
