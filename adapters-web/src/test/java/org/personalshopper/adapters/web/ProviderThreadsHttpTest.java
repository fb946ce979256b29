package org.personalshopper.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.personalshopper.adapters.web.session.SessionCookies;
import org.personalshopper.adapters.web.support.FakeUseCases;
import org.personalshopper.adapters.web.support.Json;
import org.personalshopper.adapters.web.support.RawHttp;
import org.personalshopper.adapters.web.support.WebServer;
import org.personalshopper.adapters.web.support.WriteEndpoints;

/**
 * Two request threads, two provider threads: work that may wait on a provider runs on the provider threads,
 * everything else on the request threads, so neither a slow provider nor a slow client holds the requests
 * that need neither; and when the provider threads and their queue are full, 503 with Retry-After at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProviderThreadsHttpTest {
    private static final int REQUEST_THREADS = 2;
    private static final int PROVIDER_THREADS = 2;
    private static final String LIST = "/api/lists/0b7c5a2e-4f1d-4e8a-9c3b-2d6e8f0a1b2c";
    private static final String ITEM = "/items/6a1f2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b";

    private final WebServer web = new WebServer(new WebSettings(URI.create(WebServer.ORIGIN), true, Duration.ofDays(30))
            .withRequestThreads(REQUEST_THREADS).withProviderThreads(PROVIDER_THREADS).withBodyTimeout(Duration.ofSeconds(20)));
    private final FakeUseCases fakes = web.fakes;

    /** An endpoint whose use case may call a provider, a valid request for it, and the use case it reaches. */
    record ProviderEndpoint(String method, String path, String body, String useCase) {
        @Override
        public String toString() {
            return method + " " + path;
        }

        HttpRequest request(WebServer web) {
            HttpRequest.Builder builder = web.signedIn(path).header("Cookie", SessionCookies.LOGIN + "=" + FakeUseCases.LOGIN_BINDING);
            return (body == null ? builder.method(method, HttpRequest.BodyPublishers.noBody())
                    : builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)))
                    .build();
        }
    }

    /**
     * Every resource method whose use case may call a provider (the services behind these ports call a
     * provider's catalog, stores, cart, sign-in or token endpoint; ADR 10 lists why the others do not).
     */
    static Stream<ProviderEndpoint> providerEndpoints() {
        return Stream.of(
                new ProviderEndpoint("GET", "/api/products?term=milk", null, "SearchProducts.search"),
                new ProviderEndpoint("GET", "/api/products/0001111041700", null, "SearchProducts.find"),
                new ProviderEndpoint("GET", "/api/locations?zipCode=45202", null, "FindStores.find"),
                new ProviderEndpoint("GET", "/auth/callback?code=c0de&state=s1", null, "AuthenticateShopper.completeLogin"),
                new ProviderEndpoint("GET", "/auth/callback/kroger?code=c0de&state=s1", null, "AuthenticateShopper.completeLogin"),
                new ProviderEndpoint("POST", "/api/cart", WriteEndpoints.FILL_CART_WITH_ITEMS.validBody(), "FillCart.add"),
                new ProviderEndpoint("PUT", "/api/user/location", WriteEndpoints.CHOOSE_STORE.validBody(), "ChoosePreferredStore.choose"),
                new ProviderEndpoint("POST", LIST + "/plan", null, "PlanShoppingList.plan"),
                new ProviderEndpoint("PUT", LIST + ITEM + "/choice", "{\"productId\":\"0001111041700\"}", "ChooseProductForItem.choose"),
                new ProviderEndpoint("POST", LIST + "/cart", "{}", "SendListToCart.send"));
    }

    @BeforeEach
    void reset() {
        fakes.reset();
        web.lists.reset();
    }

    @AfterAll
    void stop() {
        fakes.providerCalls.release();
        web.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providerEndpoints")
    void everyEndpointThatMayCallAProviderRunsItOnTheProviderThreads(ProviderEndpoint endpoint) {
        HttpResponse<String> answer = web.send(endpoint.request(web));

        assertThat(answer.statusCode()).as(answer.body()).isLessThan(500);
        assertThat(fakes.providerCalls.entered()).contains(endpoint.useCase());
        assertThat(fakes.providerCalls.offProviderThreads()).isEmpty();
    }

    /** The resource model marks exactly those methods: none that may call a provider is missed, none other pays the hop. */
    @Test
    void exactlyTheResourceMethodsThatMayCallAProviderAreManagedAsync() {
        Set<String> marked = new TreeSet<>();
        for (Class<?> resourceClass : ShopperWebApp.RESOURCES) {
            collect(Resource.from(resourceClass), "", marked);
        }
        Set<String> expected = providerEndpoints()
                .map(e -> e.method() + " " + e.path().replaceAll("\\?.*", "")
                        .replace("0001111041700", "{productId}").replace("/kroger", "/{provider}")
                        .replace(LIST, "/api/lists/{id}").replace(ITEM, "/items/{itemId}"))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(marked).isEqualTo(expected);
    }

    private static void collect(Resource resource, String parent, Set<String> marked) {
        String path = (parent + "/" + resource.getPath()).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
        for (ResourceMethod method : resource.getResourceMethods()) {
            if (method.isManagedAsyncDeclared()) {
                marked.add(method.getHttpMethod() + " " + path);
            }
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, marked);
        }
    }

    @Test
    void requestsThatNeedNoProviderAreServedWhileEveryProviderThreadWaitsOnAProvider() throws Exception {
        fakes.providerCalls.stall();
        List<CompletableFuture<HttpResponse<String>>> searches = searches(PROVIDER_THREADS);
        fakes.providerCalls.awaitStalled(PROVIDER_THREADS);

        HttpResponse<String> selections = web.get("/api/selections");
        HttpResponse<String> user = web.get("/api/user");
        HttpResponse<String> live = web.send(web.request("/health/live").GET().build());
        RawHttp.Answer guidance = wholeRequest(web, "POST /api/guidance HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nCookie: " + SessionCookies.HOST_SESSION + "=" + FakeUseCases.SESSION
                + "\r\nContent-Length: 25\r\n\r\n{\"text\":\"prefer organic\"}");

        assertThat(selections.statusCode()).isEqualTo(200);
        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(guidance.status()).as(guidance.text()).isEqualTo(201);
        assertThat(searches).noneMatch(CompletableFuture::isDone);
        fakes.providerCalls.release();
        assertThat(statuses(searches)).containsOnly(200);
    }

    @Test
    void whenTheProviderThreadsAndTheirQueueAreFullTheNextIs503WithRetryAfter() throws Exception {
        fakes.providerCalls.stall();
        List<CompletableFuture<HttpResponse<String>>> running = searches(PROVIDER_THREADS);
        fakes.providerCalls.awaitStalled(PROVIDER_THREADS);
        // The queue holds one per thread: of these, at least one finds it full.
        List<CompletableFuture<HttpResponse<String>>> more = searches(PROVIDER_THREADS + 1);

        HttpResponse<String> refused = (HttpResponse<String>) CompletableFuture.anyOf(more.toArray(CompletableFuture[]::new))
                .get(20, TimeUnit.SECONDS);

        JsonNode problem = Json.problem(refused, 503);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/provider-busy");
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
        assertThat(running).noneMatch(CompletableFuture::isDone);
        fakes.providerCalls.release();
        assertThat(statuses(running)).containsOnly(200);
        assertThat(statuses(more)).contains(503).allMatch(s -> s == 200 || s == 503);
    }

    /** With the default provider threads: here the stalled bodies wait there, and the request threads stay free. */
    @Test
    void bodiesStillArrivingHoldNoRequestThread() {
        List<RawHttp> stalled = new ArrayList<>();
        String cookie = "Cookie: " + SessionCookies.HOST_SESSION + "=" + FakeUseCases.SESSION + "\r\n";
        try (WebServer web = new WebServer(new WebSettings(URI.create(WebServer.ORIGIN), true, Duration.ofDays(30))
                .withRequestThreads(REQUEST_THREADS).withBodyTimeout(Duration.ofSeconds(20)))) {
            for (int i = 0; i < 2 * REQUEST_THREADS; i++) {
                stalled.add(half(web, "POST /api/guidance HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + cookie + "Content-Length: 100\r\n\r\n{"));
                stalled.add(half(web, "POST /api/guidance HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + cookie + "Transfer-Encoding: chunked\r\n\r\n1\r\n{\r\n"));
            }
            stalled.add(half(web, "PUT /api/user/location HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + cookie + "Expect: 100-continue\r\nContent-Length: 25\r\n\r\n"));

            HttpResponse<String> live = web.send(web.request("/health/live").timeout(Duration.ofSeconds(5)).GET().build());
            HttpResponse<String> user = web.send(web.signedIn("/api/user").timeout(Duration.ofSeconds(5)).GET().build());
            HttpResponse<String> saved = web.json("POST", "/api/guidance", "{\"text\":\"no pork\"}");

            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(user.statusCode()).isEqualTo(200);
            assertThat(saved.statusCode()).isEqualTo(201);
        } finally {
            stalled.forEach(RawHttp::close);
        }
    }

    @Test
    void aBodyStillArrivingWhenTheProviderThreadsAndTheirQueueAreFullIs503WithRetryAfterAndItsConnectionClosed() {
        String request = "POST /api/guidance HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nCookie: "
                + SessionCookies.HOST_SESSION + "=" + FakeUseCases.SESSION + "\r\nContent-Length: 100\r\n\r\n{";
        List<RawHttp> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 2 * PROVIDER_THREADS; i++) {
                stalled.add(half(web, request));
            }
            RawHttp.Answer refused = null;
            // The held ones may still be on their way to the pool, each extra one then takes a place instead of being
            // refused: up to ten tries (three were too few once, on a loaded CI run); refusal must come all the same.
            for (int i = 0; i < 10 && refused == null; i++) {
                RawHttp next = half(web, request);
                stalled.add(next);
                RawHttp.Answer answer = next.read(Duration.ofSeconds(2));
                refused = answer.text().isEmpty() ? null : answer;
            }

            assertThat(refused).isNotNull();
            assertThat(refused.status()).as(refused.text()).isEqualTo(503);
            assertThat(Json.parse(refused.body()).path("type").asText()).isEqualTo("/problems/provider-busy");
            assertThat(refused.header("Retry-After")).isNotBlank();
            assertThat(refused.header("Connection")).isEqualToIgnoringCase("close");
            assertThat(fakes.guidance).isEmpty();
        } finally {
            stalled.forEach(RawHttp::close);
        }
    }

    @Test
    void aBodyThatArrivesLateIsStillRead() {
        try (RawHttp slow = half(web, "POST /api/guidance HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Cookie: " + SessionCookies.HOST_SESSION + "=" + FakeUseCases.SESSION + "\r\nContent-Length: 25\r\n\r\n{\"text\":")) {
            assertThat(web.get("/api/user").statusCode()).isEqualTo(200);

            RawHttp.Answer answer = slow.send("\"prefer organic\"}").read(Duration.ofSeconds(10));

            assertThat(answer.status()).as(answer.text()).isEqualTo(201);
            assertThat(fakes.guidance).hasSize(1);
        }
    }

    /**
     * Headers and body in one write, as browsers send a small body: it is all there when the headers are
     * parsed, so it runs on a request thread. (The JDK's client writes the body after the headers: such a
     * request goes to the provider threads, which this test keeps busy.)
     */
    private static RawHttp.Answer wholeRequest(WebServer web, String request) {
        try (RawHttp raw = RawHttp.connect(web.uri("/"))) {
            return raw.send(request).read(Duration.ofSeconds(10));
        }
    }

    private static RawHttp half(WebServer web, String request) {
        return RawHttp.connect(web.uri("/")).send(request);
    }

    private List<CompletableFuture<HttpResponse<String>>> searches(int count) {
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpRequest search = web.signedIn("/api/products?term=milk").GET().build();
            sent.add(CompletableFuture.supplyAsync(() -> web.send(search)));
        }
        return sent;
    }

    private static List<Integer> statuses(List<CompletableFuture<HttpResponse<String>>> answers)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            statuses.add(answer.get(20, TimeUnit.SECONDS).statusCode());
        }
        return statuses;
    }
}
