package org.personalshopper.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.personalshopper.application.port.out.ConfiguredProvider;

/**
 * One shopper, several provider accounts, through the real wiring: Kroger (WireMock) and "acme", a
 * sign-in-only provider that exists only in this test and is wired here alone (no domain or use-case code
 * knows it). Sign in with one, link the other, fill the cart, sign in with the other and find the same
 * data; the mix-up refusal; the 409s; and account deletion, checked against every table of the schema.
 */
class ConnectionsEndToEndTest {
    @RegisterExtension
    static WireMockExtension kroger = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    static Path dataDir;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AcmeIdentityProvider acme = new AcmeIdentityProvider();
    private static EmbeddedPostgres postgres;
    private static TableScan database;
    private static ServiceUnderTest service;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        database = new TableScan(url);
        service = ServiceUnderTest.start(dataDir, KrogerStub.environment(kroger, url), List.of(ConfiguredProvider.signInOnly(acme)));
    }

    @AfterAll
    static void stop() throws IOException {
        if (service != null) {
            service.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** Kroger signs {@code code} in as {@code profileId}; every call of the token endpoint is stubbed apart. */
    private static void krogerAccount(String code, String profileId) {
        String access = "kroger-access-" + code;
        kroger.stubFor(post(urlPathEqualTo("/v1/connect/oauth2/token"))
                .withRequestBody(containing("code=" + code + "&"))
                .willReturn(KrogerStub.json(200, KrogerStub.tokens(access, "kroger-refresh-" + code, 1800))));
        kroger.stubFor(get(urlPathEqualTo("/v1/identity/profile"))
                .withHeader("Authorization", equalTo("Bearer " + access))
                .willReturn(KrogerStub.json(200, "{\"data\":{\"id\":\"" + profileId + "\"},\"meta\":{}}")));
        kroger.stubFor(put(urlPathEqualTo("/v1/cart/add")).willReturn(aResponse().withStatus(204)));
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private Browser browser() {
        return service.newBrowser();
    }

    /** Signs in with acme as {@code user}; returns the shopper id. */
    private static String signInWithAcme(Browser browser, String user) {
        HttpResponse<String> login = browser.get("/auth/login?provider=acme");
        assertThat(login.statusCode()).isEqualTo(302);
        String state = Browser.queryParam(URI.create(login.headers().firstValue("Location").orElseThrow()), "state");
        HttpResponse<String> callback = browser.get("/auth/callback/acme?code=acme:" + user + ":" + UUID.randomUUID() + "&state=" + state);
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
        return json(browser.get("/api/user")).path("id").asText();
    }

    /** Signs in with Kroger (its own callback, /auth/callback) with a code Kroger knows. */
    private static HttpResponse<String> signInWithKroger(Browser browser, String code) {
        return browser.signInWithCode(code);
    }

    /** POST /auth/connect?provider=kroger, then Kroger sends the browser back with {@code code}. */
    private HttpResponse<String> connectKroger(Browser browser, String code) {
        HttpResponse<String> connect = browser.send(browser.request("/auth/connect?provider=kroger")
                .header("Origin", service.baseUri().toString().replaceAll("/$", ""))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(connect.statusCode()).as(connect.body()).isEqualTo(303);
        URI authorize = URI.create(connect.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.toString()).startsWith(kroger.baseUrl() + "/v1/connect/oauth2/authorize");
        return browser.get("/auth/callback?code=" + code + "&state=" + Browser.queryParam(authorize, "state"));
    }

    private static List<String> providers(JsonNode shopper) {
        List<String> names = new ArrayList<>();
        shopper.path("connections").forEach(c -> names.add(c.path("provider").asText()));
        return names;
    }

    @Test
    void theProvidersListShowsTheConfiguredOnesWithTheTestOnlyProviderLast() {
        JsonNode providers = json(browser().get("/auth/providers"));

        assertThat(providers.toString()).isEqualTo("{\"items\":[{\"name\":\"kroger\",\"capabilities\":[\"sign-in\",\"catalog\","
                + "\"stores\",\"cart\"]},{\"name\":\"acme\",\"capabilities\":[\"sign-in\"]}]}");
    }

    @Test
    void signInWithOneProviderLinkTheOtherFillTheCartAndFindTheSameShopperFromEither() {
        String user = "u-" + UUID.randomUUID();
        String krogerCode = "link-" + UUID.randomUUID();
        String krogerProfile = "kp-" + UUID.randomUUID();
        krogerAccount(krogerCode, krogerProfile);
        Browser first = browser();
        String shopperId = signInWithAcme(first, user);

        JsonNode before = json(first.get("/api/user"));
        assertThat(before.path("provider").asText()).isEqualTo("acme");
        assertThat(before.path("profileId").asText()).isEqualTo(user);
        assertThat(before.path("kroger").path("connected").asBoolean()).isFalse();
        assertThat(providers(before)).containsExactly("acme");

        // No Kroger connection yet: the cart add names the provider to connect and nothing is recorded.
        HttpResponse<String> refused = first.post("/api/cart", "{\"items\":[{\"upc\":\"0001111041700\",\"quantity\":1,\"modality\":\"PICKUP\"}]}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).path("type").asText()).isEqualTo("/problems/connection-required");
        assertThat(json(refused).path("provider").asText()).isEqualTo("kroger");
        assertThat(json(refused).path("connectUrl").asText()).isEqualTo("/auth/connect?provider=kroger");
        assertThat(json(first.get("/api/cart/history")).path("items")).isEmpty();

        assertThat(connectKroger(first, krogerCode).statusCode()).isEqualTo(302);
        JsonNode linked = json(first.get("/api/user"));
        assertThat(linked.path("id").asText()).isEqualTo(shopperId);
        assertThat(providers(linked)).containsExactly("acme", "kroger");
        assertThat(linked.path("kroger").path("connected").asBoolean()).isTrue();
        assertThat(linked.path("connections").get(1).path("profileId").asText()).isEqualTo(krogerProfile);

        HttpResponse<String> added = first.post("/api/cart", "{\"items\":[{\"upc\":\"0001111041700\",\"quantity\":2,\"modality\":\"PICKUP\"}]}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(204);
        kroger.verify(1, putRequestedFor(urlPathEqualTo("/v1/cart/add"))
                .withHeader("Authorization", equalTo("Bearer kroger-access-" + krogerCode)));
        assertThat(first.post("/auth/logout", "").statusCode()).isEqualTo(204);

        Browser later = browser();
        krogerAccount(krogerCode + "-again", krogerProfile);
        assertThat(signInWithKroger(later, krogerCode + "-again").statusCode()).isEqualTo(302);
        JsonNode again = json(later.get("/api/user"));
        assertThat(again.path("id").asText()).isEqualTo(shopperId);
        assertThat(providers(again)).containsExactly("acme", "kroger");
        assertThat(json(later.get("/api/cart/history")).path("items")).hasSize(1);
    }

    @Test
    void aStateIssuedForOneProviderIsRefusedAtTheOthersCallbackBeforeAnyCodeIsExchanged() {
        Browser browser = browser();
        HttpResponse<String> login = browser.get("/auth/login?provider=acme");
        String state = Browser.queryParam(URI.create(login.headers().firstValue("Location").orElseThrow()), "state");
        String code = "mixup-" + UUID.randomUUID();
        krogerAccount(code, "kp-" + UUID.randomUUID());
        int acmeExchanges = acme.exchanges().size();

        HttpResponse<String> atKroger = browser.get("/auth/callback?code=" + code + "&state=" + state);

        assertThat(atKroger.statusCode()).isEqualTo(400);
        assertThat(json(atKroger).path("type").asText()).isEqualTo("/problems/sign-in-state-invalid");
        kroger.verify(0, postRequestedFor(urlPathEqualTo("/v1/connect/oauth2/token")).withRequestBody(containing("code=" + code)));
        // The state is spent: the right callback cannot use it afterwards either.
        assertThat(browser.get("/auth/callback/acme?code=acme:mixup&state=" + state).statusCode()).isEqualTo(400);
        assertThat(acme.exchanges()).hasSize(acmeExchanges);
        assertThat(browser.cookie("shopper_session")).isEmpty();
    }

    @Test
    void linkingAnAccountThatBelongsToAnotherShopperIsA409AndChangesNothing() {
        String krogerProfile = "kp-" + UUID.randomUUID();
        String theirCode = "theirs-" + UUID.randomUUID();
        krogerAccount(theirCode, krogerProfile);
        Browser theirs = browser();
        assertThat(signInWithKroger(theirs, theirCode).statusCode()).isEqualTo(302);
        String theirId = json(theirs.get("/api/user")).path("id").asText();

        Browser mine = browser();
        String myId = signInWithAcme(mine, "u-" + UUID.randomUUID());
        String linkCode = "steal-" + UUID.randomUUID();
        krogerAccount(linkCode, krogerProfile);

        HttpResponse<String> refused = connectKroger(mine, linkCode);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).path("type").asText()).isEqualTo("/problems/account-linked-elsewhere");
        assertThat(json(refused).path("provider").asText()).isEqualTo("kroger");
        JsonNode me = json(mine.get("/api/user"));
        assertThat(me.path("id").asText()).isEqualTo(myId);
        assertThat(providers(me)).containsExactly("acme");
        JsonNode them = json(theirs.get("/api/user"));
        assertThat(them.path("id").asText()).isEqualTo(theirId);
        assertThat(providers(them)).containsExactly("kroger");
    }

    @Test
    void disconnectingLeavesTheOtherConnectionAndTheLastOneCannotBeRemoved() {
        String code = "dis-" + UUID.randomUUID();
        krogerAccount(code, "kp-" + UUID.randomUUID());
        Browser browser = browser();
        signInWithAcme(browser, "u-" + UUID.randomUUID());
        connectKroger(browser, code);

        assertThat(browser.delete("/api/user/connections/acme").statusCode()).isEqualTo(204);
        assertThat(providers(json(browser.get("/api/user")))).containsExactly("kroger");
        assertThat(browser.delete("/api/user/connections/acme").statusCode()).isEqualTo(404);
        HttpResponse<String> last = browser.delete("/api/user/connections/kroger");
        assertThat(last.statusCode()).isEqualTo(409);
        assertThat(json(last).path("type").asText()).isEqualTo("/problems/last-connection");
        assertThat(providers(json(browser.get("/api/user")))).containsExactly("kroger");
    }

    @Test
    void deletingTheAccountLeavesNoRowOfTheShopperInAnyTable() throws Exception {
        String user = "u-" + UUID.randomUUID();
        String krogerProfile = "kp-" + UUID.randomUUID();
        String code = "del-" + UUID.randomUUID();
        krogerAccount(code, krogerProfile);
        KrogerStub.catalogWorks(kroger);
        Browser browser = browser();
        String shopperId = signInWithAcme(browser, user);
        connectKroger(browser, code);
        assertThat(browser.post("/api/guidance", "{\"text\":\"no pork\"}").statusCode()).isEqualTo(201);
        assertThat(browser.post("/api/selections", "{\"item\":\"milk\",\"productId\":\"0001111041700\",\"upc\":\"0001111041700\","
                + "\"quantity\":1}").statusCode()).isBetween(200, 201);
        assertThat(browser.post("/api/cart", "{\"items\":[{\"upc\":\"0001111041700\",\"quantity\":1,\"modality\":\"PICKUP\"}]}")
                .statusCode()).isEqualTo(204);
        String submissionId = json(browser.get("/api/cart/history")).path("items").get(0).path("id").asText();
        HttpResponse<String> list = browser.post("/api/lists", "{\"name\":\"Weekly\",\"items\":[{\"text\":\"oat milk\"}]}");
        assertThat(list.statusCode()).isEqualTo(201);
        String listId = json(list).path("id").asText();
        // A connect in progress (its login attempt is bound to the shopper) and a second session.
        browser.send(browser.request("/auth/connect?provider=kroger").POST(HttpRequest.BodyPublishers.noBody()));
        Browser secondDevice = browser();
        krogerAccount(code + "-2", krogerProfile);
        signInWithKroger(secondDevice, code + "-2");
        List<String> traces = List.of(shopperId, user, krogerProfile, submissionId, listId);
        assertThat(database.rowsMentioning(traces).values().stream().mapToInt(Integer::intValue).sum())
                .as("the shopper's rows before deletion").isGreaterThanOrEqualTo(9);

        HttpResponse<String> deleted = browser.delete("/api/user");

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("shopper_session=;"));
        assertThat(database.tables()).contains("shopper", "shopper_connection", "shopper_session", "login_attempt",
                "guidance", "selection", "cart_submission", "cart_submission_item", "shopping_list", "shopping_list_item");
        assertThat(database.rowsMentioning(traces)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        assertThat(database.count("select count(*) from cart_submission_item where submission_id = ?::uuid", submissionId)).isZero();
        assertThat(database.count("select count(*) from shopping_list_item where list_id = ?::uuid", listId)).isZero();
        assertThat(browser.get("/api/user").statusCode()).isEqualTo(401);
        assertThat(secondDevice.get("/api/user").statusCode()).as("the other session went too").isEqualTo(401);
        // The accounts are free again: signing in makes a new shopper.
        Browser fresh = browser();
        assertThat(signInWithAcme(fresh, user)).isNotEqualTo(shopperId);
    }
}
