package org.personalshopper.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.personalshopper.bootstrap.e2e.SignInBenchmark.ms;
import static org.personalshopper.bootstrap.e2e.SignInBenchmark.print;
import static org.personalshopper.bootstrap.e2e.SignInBenchmark.report;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a token refresh costs a shopper's call, and how concurrent calls on an expired token fan in to one
 * refresh, on one instance and on two instances sharing a database. WireMock answers without added delay.
 * Measures and prints; run on purpose with {@code -Dtest=TokenRefreshBenchmark} (see docs/benchmarks.md).
 */
class TokenRefreshBenchmark {
    private static final int WARM_UP = 50;
    private static final int SAMPLES = Integer.getInteger("bench.samples", 200);
    private static final String CART_BODY = "{\"items\":[{\"upc\":\"0001234500017\",\"quantity\":1}]}";

    @RegisterExtension
    static WireMockExtension kroger = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()
            .containerThreads(300)).build();

    @TempDir
    static Path work;

    private static EmbeddedPostgres sharedDatabase;
    private static ServiceUnderTest first;
    private static ServiceUnderTest second;
    private static Browser signingIn;
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void twoInstancesOnOneDatabase() {
        try {
            sharedDatabase = EmbeddedPostgres.builder().start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, String> env = KrogerStub.environment(kroger, sharedDatabase.getJdbcUrl("postgres", "postgres"));
        first = ServiceUnderTest.start(work.resolve("first"), env);
        env.put("KROGER_REDIRECT_URI", first.config().redirectUri().toString());
        second = ServiceUnderTest.start(work.resolve("second"), env);
        signingIn = first.newBrowser();
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {first, second, sharedDatabase}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    /**
     * Every code signs a different shopper in with a one-second access token; every refresh answers a new
     * 30-minute set; cart adds succeed. No artificial delay anywhere.
     */
    private static void krogerAnswersEverything() {
        kroger.resetAll();
        KrogerStub.catalogWorks(kroger);
        kroger.stubFor(post(urlPathEqualTo("/v1/connect/oauth2/token"))
                .withRequestBody(containing("grant_type=authorization_code"))
                .willReturn(KrogerStub.json(200, "{{formData request.body 'form' urlDecode=true}}"
                        + "{\"access_token\":\"acc-{{form.code}}\",\"token_type\":\"bearer\",\"expires_in\":1,"
                        + "\"refresh_token\":\"ref-{{form.code}}\"}").withTransformers("response-template")));
        kroger.stubFor(get(urlPathEqualTo("/v1/identity/profile"))
                .willReturn(KrogerStub.json(200, "{\"data\":{\"id\":\"{{regexExtract request.headers.Authorization 'bench-[0-9a-z-]+'}}\"},"
                        + "\"meta\":{}}").withTransformers("response-template")));
        kroger.stubFor(post(urlPathEqualTo("/v1/connect/oauth2/token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(KrogerStub.json(200, "{{formData request.body 'form' urlDecode=true}}"
                        + "{\"access_token\":\"fresh-{{form.refresh_token}}\",\"token_type\":\"bearer\",\"expires_in\":1800,"
                        + "\"refresh_token\":\"rotated-{{form.refresh_token}}\"}").withTransformers("response-template")));
    }

    /** Signs a new shopper in on the first instance; returns the session id. Their access token expires in one second. */
    private static String signIn(String code) {
        Browser browser = signingIn;
        browser.forgetCookies();
        HttpResponse<String> callback = browser.signInWithCode(code);
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
        return browser.cookie("shopper_session").orElseThrow();
    }

    private static HttpResponse<String> addToCart(URI base, String session) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve("/api/cart"))
                .header("Content-Type", "application/json").header("Cookie", "shopper_session=" + session)
                .POST(HttpRequest.BodyPublishers.ofString(CART_BODY)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long refreshesAtKroger() {
        return kroger.countRequestsMatching(postRequestedFor(urlPathEqualTo("/v1/connect/oauth2/token"))
                .withRequestBody(containing("grant_type=refresh_token")).build()).getCount();
    }

    @Test
    void refreshCostAndFanIn() throws Exception {
        SignInBenchmark.printConditions();
        krogerAnswersEverything(); // here, not in @BeforeAll: the extension resets stubs before each test
        URI base = first.baseUri();

        // What a refresh adds: for each shopper, the first cart add refreshes the expired token, the next one does not.
        for (int round = 0; round <= 2; round++) {
            int count = round == 0 ? WARM_UP : SAMPLES;
            List<String> sessions = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                sessions.add(signIn("bench-r" + round + "-" + i));
            }
            Thread.sleep(1_200); // every one-second token has now expired
            kroger.resetRequests();
            long[] expired = new long[count];
            long[] fresh = new long[count];
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> refreshed = addToCart(base, sessions.get(i));
                long t1 = System.nanoTime();
                HttpResponse<String> plain = addToCart(base, sessions.get(i));
                long t2 = System.nanoTime();
                assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(204);
                assertThat(plain.statusCode()).as(plain.body()).isEqualTo(204);
                expired[i] = t1 - t0;
                fresh[i] = t2 - t1;
            }
            assertThat(refreshesAtKroger()).as("one refresh per shopper, on their first call only").isEqualTo(count);
            if (round > 0) {
                report("round " + round + " POST /api/cart, token expired (refresh + add)", expired);
                report("round " + round + " POST /api/cart, token fresh (add only)", fresh);
                long[] sortedExpired = expired.clone();
                long[] sortedFresh = fresh.clone();
                java.util.Arrays.sort(sortedExpired);
                java.util.Arrays.sort(sortedFresh);
                print(String.format(Locale.ROOT, "round %d refresh adds (median expired - median fresh) = %.2f ms", round,
                        ms(SignInBenchmark.percentile(sortedExpired, 50) - SignInBenchmark.percentile(sortedFresh, 50))));
            }
        }

        // Fan-in: N concurrent calls for one shopper whose token expired.
        burst("warm-up", 10, false);
        burst("warm-up", 50, true);
        for (int n : new int[] {10, 50, 200}) {
            for (int run = 1; run <= 2; run++) {
                burst("run " + run, n, false);
            }
        }
        for (int n : new int[] {10, 50, 200}) {
            for (int run = 1; run <= 2; run++) {
                burst("run " + run, n, true);
            }
        }
        SignInBenchmark.printConditions();
    }

    private void burst(String label, int calls, boolean twoInstances) throws Exception {
        String session = signIn("bench-burst-" + (twoInstances ? "two" : "one") + "-" + calls + "-" + label.replace(' ', '-'));
        Thread.sleep(1_200);
        kroger.resetRequests();
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            URI base = twoInstances && i % 2 == 1 ? second.baseUri() : first.baseUri();
            futures.add(pool.submit(() -> {
                start.await();
                return addToCart(base, session);
            }));
        }
        Thread.sleep(100); // let every thread reach the latch
        long t0 = System.nanoTime();
        start.countDown();
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (Future<HttpResponse<String>> future : futures) {
            responses.add(future.get());
        }
        long elapsed = System.nanoTime() - t0;
        pool.shutdown();
        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(204));
        long refreshes = refreshesAtKroger();
        long adds = kroger.countRequestsMatching(putRequestedFor(urlPathEqualTo("/v1/cart/add")).build()).getCount();
        print(String.format(Locale.ROOT, "fan-in %-8s %-13s N=%3d refreshes at Kroger=%d cart adds at Kroger=%d burst=%.1f ms",
                label, twoInstances ? "two instances" : "one instance", calls, refreshes, adds, ms(elapsed)));
        assertThat(refreshes).as("exactly one refresh for the burst").isEqualTo(1);
        assertThat(adds).isEqualTo(calls);
    }
}
