package org.personalshopper.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Sign in, choose a store, search, save a pick from the results, fill the Kroger cart: through real wiring. */
class ShoppingJourneyEndToEndTest {
    @RegisterExtension
    static WireMockExtension kroger = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    static Path dataDir;

    private static ServiceUnderTest service;

    @BeforeAll
    static void start() {
        service = ServiceUnderTest.start(dataDir, KrogerStub.environment(kroger));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @BeforeEach
    void krogerAnswers() {
        kroger.resetAll();
        KrogerStub.signInWorks(kroger);
        KrogerStub.catalogWorks(kroger);
    }

    private Browser signedIn() {
        Browser browser = service.newBrowser();
        assertThat(browser.signInWithCode("journey-code").statusCode()).isEqualTo(302);
        return browser;
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        assertThat(m.find()).as("%s in %s", name, json).isTrue();
        return m.group(1);
    }

    @Test
    void aShopperChoosesAStoreSearchesSavesAPickAndFillsTheirCartOnce() {
        Browser browser = signedIn();

        HttpResponse<String> store = browser.put("/api/user/location", "{\"locationId\":\"01400999\"}");
        assertThat(store.statusCode()).isEqualTo(200);
        assertThat(store.body()).contains("\"preferredLocationId\":\"01400999\"");
        assertThat(browser.put("/api/user/location", "{\"locationId\":\"99999999\"}").statusCode())
                .as("a store Kroger does not know").isEqualTo(422);

        HttpResponse<String> search = browser.get("/api/products?term=milk&limit=2");
        assertThat(search.statusCode()).isEqualTo(200);
        kroger.verify(getRequestedFor(urlPathEqualTo("/v1/products"))
                .withQueryParam("filter.term", equalTo("milk"))
                .withQueryParam("filter.locationId", equalTo("01400999"))
                .withQueryParam("filter.limit", equalTo("2"))
                .withHeader("Authorization", equalTo("Bearer " + KrogerStub.APP_TOKEN)));
        assertThat(search.body()).contains("\"productId\":\"0001234500017\"").contains("\"upc\":\"0001234500017\"")
                .contains("\"total\":41");

        HttpResponse<String> saved = browser.post("/api/selections", "{\"item\":\"Milk\",\"productId\":\"0001234500017\","
                + "\"upc\":\"0001234500017\",\"description\":\"Sample Farms 2% Reduced Fat Milk\",\"brand\":\"Sample Farms\","
                + "\"size\":\"1 gal\",\"quantity\":2}");
        assertThat(saved.statusCode()).isEqualTo(201);
        String selectionId = field(saved.body(), "id");

        String cartBody = "{\"selectionIds\":[\"" + selectionId + "\"]}";
        HttpResponse<String> added = browser.send(browser.request("/api/cart").header("Content-Type", "application/json")
                .header("Idempotency-Key", "journey-key-1").POST(java.net.http.HttpRequest.BodyPublishers.ofString(cartBody)));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(204);
        kroger.verify(1, putRequestedFor(urlPathEqualTo("/v1/cart/add"))
                .withHeader("Authorization", equalTo("Bearer " + KrogerStub.ACCESS_TOKEN))
                .withRequestBody(equalToJson("{\"items\":[{\"upc\":\"0001234500017\",\"quantity\":2,\"modality\":\"PICKUP\"}]}")));

        HttpResponse<String> again = browser.send(browser.request("/api/cart").header("Content-Type", "application/json")
                .header("Idempotency-Key", "journey-key-1").POST(java.net.http.HttpRequest.BodyPublishers.ofString(cartBody)));
        assertThat(again.statusCode()).as("the first answer, again").isEqualTo(204);
        kroger.verify(1, putRequestedFor(urlPathEqualTo("/v1/cart/add")));

        HttpResponse<String> history = browser.get("/api/cart/history");
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).contains("\"outcome\":\"added\"").contains("0001234500017");
    }

    @Test
    void aCartAddKrogerFailsOnIsReportedAsUnknownAndNeverRetried() {
        kroger.stubFor(put(urlPathEqualTo("/v1/cart/add")).atPriority(1).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":{\"reason\":\"Internal server error\",\"code\":\"CART-4500-500\",\"timestamp\":1}}")));
        Browser browser = signedIn();

        HttpResponse<String> added = browser.post("/api/cart", "{\"items\":[{\"upc\":\"0001234500017\",\"quantity\":1,\"modality\":\"DELIVERY\"}]}");

        assertThat(added.statusCode()).isEqualTo(502);
        assertThat(added.body()).containsIgnoringCase("unknown");
        kroger.verify(1, putRequestedFor(urlPathEqualTo("/v1/cart/add")));
        assertThat(browser.get("/api/cart/history").body()).contains("\"outcome\":\"unknown\"");
    }

    @Test
    void twoShoppersNeverSeeEachOthersData() {
        Browser alice = signedIn();
        kroger.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/v1/identity/profile")).atPriority(1)
                .willReturn(KrogerStub.json(200, "{\"data\":{\"id\":\"bob-profile-0001\"},\"meta\":{}}")));
        Browser bob = signedIn();

        HttpResponse<String> aliceGuidance = alice.post("/api/guidance", "{\"text\":\"no pork\"}");
        assertThat(aliceGuidance.statusCode()).isEqualTo(201);
        String guidanceId = field(aliceGuidance.body(), "id");

        assertThat(bob.get("/api/guidance").body()).doesNotContain("no pork");
        assertThat(bob.delete("/api/guidance/" + guidanceId).statusCode()).isEqualTo(404);
        assertThat(alice.get("/api/guidance").body()).contains("no pork");
    }

    @Test
    void twoShoppersWritingAtTheSameTimeEachKeepExactlyTheirOwn() throws Exception {
        Browser alice = signedIn();
        kroger.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/v1/identity/profile")).atPriority(1)
                .willReturn(KrogerStub.json(200, "{\"data\":{\"id\":\"carol-profile-0002\"},\"meta\":{}}")));
        Browser carol = signedIn();
        int each = 40;

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.List<java.util.concurrent.Future<Integer>> writes = new java.util.ArrayList<>();
        for (int i = 0; i < each; i++) {
            int n = i;
            writes.add(pool.submit(() -> alice.post("/api/guidance", "{\"text\":\"alice rule " + n + "\"}").statusCode()));
            writes.add(pool.submit(() -> carol.post("/api/guidance", "{\"text\":\"carol rule " + n + "\"}").statusCode()));
            writes.add(pool.submit(() -> alice.post("/api/selections", selection("alice item " + n)).statusCode()));
            writes.add(pool.submit(() -> carol.post("/api/selections", selection("carol item " + n)).statusCode()));
        }
        for (java.util.concurrent.Future<Integer> write : writes) {
            assertThat(write.get()).isEqualTo(201);
        }
        pool.shutdown();

        for (Browser[] pair : new Browser[][] {{alice, carol}, {carol, alice}}) {
            String mine = pair[0] == alice ? "alice" : "carol";
            String theirs = pair[0] == alice ? "carol" : "alice";
            String guidance = pair[0].get("/api/guidance").body();
            String selections = pair[0].get("/api/selections").body();
            assertThat(count(guidance, "\"text\":\"" + mine + " rule ")).isEqualTo(each);
            assertThat(count(selections, "\"item\":\"" + mine + " item ")).isEqualTo(each);
            assertThat(guidance).doesNotContain(theirs);
            assertThat(selections).doesNotContain(theirs);
        }
    }

    private static String selection(String item) {
        return "{\"item\":\"" + item + "\",\"productId\":\"0001234500017\",\"upc\":\"0001234500017\",\"quantity\":1}";
    }

    private static int count(String text, String needle) {
        int found = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            found++;
        }
        return found;
    }
}
