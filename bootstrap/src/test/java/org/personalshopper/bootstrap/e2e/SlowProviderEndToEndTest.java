package org.personalshopper.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.personalshopper.bootstrap.e2e.Waiting.waitFor;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A slow provider and slow clients stall nobody else. Product searches wait on a Kroger that takes 3 s;
 * only as many as the provider's call limit are sent, the rest get 503 provider-busy with Retry-After
 * (after at most a second's wait for a place, long before the first search is served); meanwhile a
 * shopper's own data, liveness and a signed-in GET /api/user answer as usual, even with 16 more
 * connections holding half-sent bodies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlowProviderEndToEndTest {
    private static final int PROVIDER_CALLS = 4;
    private static final int SEARCHES = 12;
    private static final int KROGER_DELAY_MILLIS = 3_000;

    @RegisterExtension
    static WireMockExtension kroger = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().containerThreads(40)).build();

    @TempDir
    static Path dataDir;

    private ServiceUnderTest service;
    private Browser browser;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void start() {
        Map<String, String> env = new HashMap<>(KrogerStub.environment(kroger));
        env.put("SHOPPER_PROVIDER_MAX_CALLS", Integer.toString(PROVIDER_CALLS));
        // The fewest request threads there may be: whatever waits on Kroger or on a slow body must not hold them.
        env.put("SHOPPER_HTTP_WORKERS", "2");
        // The search cache would send these identical searches to Kroger once; this test is about the call limit.
        env.put("SHOPPER_CATALOG_CACHE_TTL_SECONDS", "0");
        service = ServiceUnderTest.start(dataDir, env);
        KrogerStub.signInWorks(kroger);
        KrogerStub.catalogWorks(kroger);
        browser = service.newBrowser();
        assertThat(browser.signInWithCode("slow-provider-code").statusCode()).isEqualTo(302);
        // the app token is fetched once and cached; store search is not slowed
        assertThat(browser.get("/api/locations?zipCode=45202").statusCode()).isEqualTo(200);
        assertThat(browser.get("/api/selections").statusCode()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void searchesWaitingOnASlowProviderStallNobodyElseAndThoseBeyondTheLimitAreRefusedAtOnce() throws Exception {
        kroger.stubFor(get(urlPathEqualTo("/v1/products"))
                .willReturn(KrogerStub.json(200, KrogerStub.fixture("products-search.json")).withFixedDelay(KROGER_DELAY_MILLIS)));
        List<CompletableFuture<Answer>> searches = new ArrayList<>();
        for (int i = 0; i < SEARCHES; i++) {
            HttpRequest search = browser.request("/api/products?term=milk&locationId=01400999").GET().build();
            searches.add(http.sendAsync(search, HttpResponse.BodyHandlers.ofString()).thenApply(Answer::new));
        }
        waitUntilKrogerReceived(PROVIDER_CALLS);

        List<Socket> stalled = stalledBodies(16);
        Answer selections;
        Answer live;
        Answer user;
        try {
            selections = Answer.of(http, browser.request("/api/selections").timeout(Duration.ofSeconds(2)).GET().build());
            live = Answer.of(http, browser.request("/health/live").timeout(Duration.ofSeconds(1)).GET().build());
            user = Answer.of(http, browser.request("/api/user").timeout(Duration.ofSeconds(1)).GET().build());
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
        List<Answer> answers = searches.stream().map(CompletableFuture::join).toList();

        assertThat(selections.status).isEqualTo(200);
        assertThat(live.status).isEqualTo(200);
        assertThat(user.status).isEqualTo(200);
        long firstSearchServed = answers.stream().filter(a -> a.status == 200).mapToLong(a -> a.at).min().orElseThrow();
        assertThat(selections.at).as("selections answered while searches still waited on Kroger").isLessThan(firstSearchServed);

        List<Answer> served = answers.stream().filter(a -> a.status == 200).toList();
        List<Answer> refused = answers.stream().filter(a -> a.status != 200).toList();
        assertThat(served).hasSizeBetween(1, PROVIDER_CALLS);
        assertThat(refused).hasSize(SEARCHES - served.size()).allSatisfy(a -> {
            assertThat(a.status).isEqualTo(503);
            assertThat(a.retryAfter).isNotEmpty();
            assertThat(a.body).contains("/problems/provider-busy");
            assertThat(a.at).as("refused before any waiting search was served").isLessThan(firstSearchServed);
        });
        assertThat(kroger.findAll(getRequestedFor(urlPathEqualTo("/v1/products")))).hasSizeLessThanOrEqualTo(PROVIDER_CALLS);
    }

    /** Connections that send a request's headers and the first byte of its body, then nothing. */
    private List<Socket> stalledBodies(int count) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", service.baseUri().getPort()), 5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/guidance HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            sockets.add(socket);
        }
        return sockets;
    }

    private void waitUntilKrogerReceived(int calls) throws InterruptedException {
        waitFor(() -> kroger.findAll(getRequestedFor(urlPathEqualTo("/v1/products"))).size() >= calls, Duration.ofSeconds(10),
                calls + " searches at Kroger");
    }

    /** An answer and when it arrived. */
    private record Answer(int status, String retryAfter, String body, long at) {
        Answer(HttpResponse<String> response) {
            this(response.statusCode(), response.headers().firstValue("Retry-After").orElse(""), response.body(), System.nanoTime());
        }

        static Answer of(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
            return new Answer(http.send(request, HttpResponse.BodyHandlers.ofString()));
        }
    }
}
