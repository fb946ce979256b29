package org.personalshopper.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.personalshopper.bootstrap.e2e.SignInBenchmark.print;
import static org.personalshopper.bootstrap.e2e.SignInBenchmark.printConditions;
import static org.personalshopper.bootstrap.e2e.SignInBenchmark.report;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shopper's own data while 24 clients keep searching products at a Kroger that answers in 3 s: the
 * latency of GET /api/selections without that load and under it, with the request threads at their default
 * (2 per CPU) and at the fewest there may be (2), provider threads and the call limit at theirs (ADR 10),
 * side by side in one run; and how many searches were served or refused. Measures and prints; run on
 * purpose with {@code -Dtest=SlowProviderBenchmark} (see docs/resilience.md).
 */
class SlowProviderBenchmark {
    private static final int SAMPLES = Integer.getInteger("bench.samples", 300);
    private static final int SEARCHERS = 24;
    private static final int DELAY_MILLIS = 3_000;

    @RegisterExtension
    static WireMockExtension kroger = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().containerThreads(60)).build();

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void selectionsUnderASlowProvider() throws Exception {
        printConditions();
        KrogerStub.signInWorks(kroger);
        KrogerStub.catalogWorks(kroger);
        kroger.stubFor(get(urlPathEqualTo("/v1/products"))
                .willReturn(KrogerStub.json(200, KrogerStub.fixture("products-search.json")).withFixedDelay(DELAY_MILLIS)));
        measure("2 request threads, 64 provider threads, 16 calls per provider", Map.of("SHOPPER_HTTP_WORKERS", "2"), SAMPLES);
        measure("defaults: 2 request threads per CPU, 64 provider threads, 16 calls per provider", Map.of(), SAMPLES);
    }

    private void measure(String model, Map<String, String> variables, int loadSamples) throws Exception {
        Map<String, String> env = new HashMap<>(KrogerStub.environment(kroger));
        env.putAll(variables);
        // Identical searches would be answered by the search cache after the first; this measures the provider path.
        env.putIfAbsent("SHOPPER_CATALOG_CACHE_TTL_SECONDS", "0");
        Path dataDir = Files.createTempDirectory(temp, "data");
        try (ServiceUnderTest service = ServiceUnderTest.start(dataDir, env)) {
            Browser browser = service.newBrowser();
            assertThat(browser.signInWithCode("bench-code").statusCode()).isEqualTo(302);
            assertThat(browser.get("/api/locations?zipCode=45202").statusCode()).isEqualTo(200);
            for (int i = 0; i < 20; i++) {
                String body = "{\"item\":\"item " + i + "\",\"productId\":\"0001234500017\",\"upc\":\"0001234500017\","
                        + "\"description\":\"Milk\",\"brand\":\"Sample\",\"size\":\"1 gal\",\"quantity\":1}";
                assertThat(browser.post("/api/selections", body).statusCode()).isBetween(200, 201);
            }
            for (int i = 0; i < 200; i++) {
                selections(browser);
            }
            report(model + ": GET /api/selections, no provider load", sample(browser, SAMPLES));

            AtomicBoolean running = new AtomicBoolean(true);
            Map<Integer, AtomicInteger> searches = new ConcurrentHashMap<>();
            ExecutorService searchers = Executors.newFixedThreadPool(SEARCHERS);
            for (int i = 0; i < SEARCHERS; i++) {
                searchers.submit(() -> {
                    while (running.get()) {
                        int status = status(browser.request("/api/products?term=milk&locationId=01400999").GET());
                        searches.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                        if (status == 503) {
                            pause(100); // a client honouring Retry-After would wait longer; this keeps the pressure on
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(500);
            long[] underLoad = sample(browser, loadSamples);
            running.set(false);
            searchers.shutdown();
            searchers.awaitTermination(60, TimeUnit.SECONDS);
            report(model + ": GET /api/selections, 24 searchers at a 3 s Kroger", underLoad);
            print(model + ": searches answered " + searches);
        }
    }

    private long[] sample(Browser browser, int samples) {
        long[] nanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            long started = System.nanoTime();
            selections(browser);
            nanos[i] = System.nanoTime() - started;
        }
        return nanos;
    }

    private void selections(Browser browser) {
        assertThat(status(browser.request("/api/selections").GET())).isEqualTo(200);
    }

    private int status(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
