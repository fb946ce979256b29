package org.personalshopper.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.personalshopper.sandbox.foodin.FoodinSandbox;
import org.personalshopper.sandbox.kroger.KrogerSandbox;

/**
 * Demo mode (no provider credentials): both sandboxes, the real Kroger and Foodin adapters, embedded
 * PostgreSQL. The "done when": sign in with Foodin, link Kroger, fill the Kroger cart, sign out,
 * sign in with Kroger and find the same data. And a replayed Foodin callback is exchanged once, never twice.
 */
class DemoConnectionsEndToEndTest {
    @TempDir
    static Path dataDir;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ServiceUnderTest service;

    @BeforeAll
    static void start() {
        service = ServiceUnderTest.start(dataDir, Map.of());
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private static List<String> providers(JsonNode shopper) {
        List<String> names = new ArrayList<>();
        shopper.path("connections").forEach(c -> names.add(c.path("provider").asText()));
        return names;
    }

    private HttpResponse<String> connectKroger(Browser browser, String username) {
        HttpResponse<String> connect = browser.send(browser.request("/auth/connect?provider=kroger")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(connect.statusCode()).as(connect.body()).isEqualTo(303);
        return SandboxConsent.approve(browser, URI.create(connect.headers().firstValue("Location").orElseThrow()), username);
    }

    @Test
    void demoModeOffersBothProviders() {
        assertThat(json(service.newBrowser().get("/auth/providers")).toString()).isEqualTo("{\"items\":["
                + "{\"name\":\"kroger\",\"capabilities\":[\"sign-in\",\"catalog\",\"stores\",\"cart\"]},"
                + "{\"name\":\"foodin\",\"capabilities\":[\"sign-in\"]}]}");
        assertThat(service.service().sandbox()).isPresent();
        assertThat(service.service().foodinSandbox()).isPresent();
    }

    @Test
    void signInWithFoodinLinkKrogerFillTheCartThenSignInWithKrogerAndFindTheSameData() {
        KrogerSandbox kroger = service.service().sandbox().orElseThrow();
        Browser browser = service.newBrowser();
        assertThat(FoodinConsent.signIn(browser, "dana@example.com").statusCode()).isEqualTo(302);
        JsonNode signedIn = json(browser.get("/api/user"));
        String shopperId = signedIn.path("id").asText();
        assertThat(signedIn.path("provider").asText()).isEqualTo("foodin");
        assertThat(signedIn.path("profileId").asText()).isEqualTo(FoodinSandbox.userIdOf("dana@example.com"));
        assertThat(browser.post("/api/guidance", "{\"text\":\"prefer organic\"}").statusCode()).isEqualTo(201);

        // Catalog and stores come from Kroger with the app's token, for a shopper who has no Kroger connection.
        HttpResponse<String> products = browser.get("/api/products?term=milk");
        assertThat(products.statusCode()).isEqualTo(200);
        String upc = json(products).path("items").get(0).path("upc").asText();
        String add = "{\"items\":[{\"upc\":\"" + upc + "\",\"quantity\":2,\"modality\":\"PICKUP\"}]}";
        HttpResponse<String> notYet = browser.post("/api/cart", add);
        assertThat(notYet.statusCode()).isEqualTo(409);
        assertThat(json(notYet).path("connectUrl").asText()).isEqualTo("/auth/connect?provider=kroger");

        assertThat(connectKroger(browser, "dana-at-kroger").statusCode()).isEqualTo(302);
        JsonNode linked = json(browser.get("/api/user"));
        assertThat(linked.path("id").asText()).isEqualTo(shopperId);
        assertThat(providers(linked)).containsExactly("foodin", "kroger");

        HttpResponse<String> added = browser.post("/api/cart", add);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(204);
        HttpResponse<String> cart = browser.get(kroger.baseUri().resolve("/sandbox/carts?username=dana-at-kroger").toString());
        assertThat(json(cart).path("items").findParents("upc")).singleElement()
                .satisfies(line -> assertThat(line.path("upc").asText()).isEqualTo(upc));
        assertThat(browser.post("/auth/logout", "").statusCode()).isEqualTo(204);

        Browser again = service.newBrowser();
        SandboxConsent.signIn(again, "dana-at-kroger");
        JsonNode found = json(again.get("/api/user"));
        assertThat(found.path("id").asText()).isEqualTo(shopperId);
        assertThat(providers(found)).containsExactly("foodin", "kroger");
        assertThat(json(again.get("/api/guidance")).path("items").get(0).path("text").asText()).isEqualTo("prefer organic");
        assertThat(json(again.get("/api/cart/history")).path("items")).hasSize(1);
    }

    @Test
    void aReplayedFoodinCallbackIsRefusedWithoutExchangingTheCodeAgain() {
        FoodinSandbox foodin = service.service().foodinSandbox().orElseThrow();
        Browser browser = service.newBrowser();
        HttpResponse<String> login = browser.get("/auth/login?provider=foodin");
        String callback = FoodinConsent.approve(browser, URI.create(login.headers().firstValue("Location").orElseThrow()),
                "replay@example.com");
        int before = foodin.tokenEndpointCalls();

        assertThat(browser.get(callback).statusCode()).isEqualTo(302);
        String accessCookie = browser.cookie("shopper_session").orElseThrow();
        HttpResponse<String> replayed = browser.get(callback);

        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(json(replayed).path("type").asText()).isEqualTo("/problems/sign-in-state-invalid");
        assertThat(foodin.tokenEndpointCalls()).as("one code exchange, never a second (it would revoke the connection)")
                .isEqualTo(before + 1);
        // The first sign-in still stands: its connection was not revoked.
        Browser sameShopper = service.newBrowser();
        sameShopper.setCookie("shopper_session", accessCookie);
        assertThat(json(sameShopper.get("/api/user")).path("connections").get(0).path("connected").asBoolean()).isTrue();
    }

    @Test
    void aFoodinStateIsRefusedAtKrogersCallback() {
        FoodinSandbox foodin = service.service().foodinSandbox().orElseThrow();
        Browser browser = service.newBrowser();
        HttpResponse<String> login = browser.get("/auth/login?provider=foodin");
        URI callback = URI.create(FoodinConsent.approve(browser, URI.create(login.headers().firstValue("Location").orElseThrow()),
                "mixup@example.com"));
        int before = foodin.tokenEndpointCalls();

        HttpResponse<String> atKroger = browser.get("/auth/callback?" + callback.getRawQuery());

        assertThat(atKroger.statusCode()).isEqualTo(400);
        assertThat(foodin.tokenEndpointCalls()).isEqualTo(before);
        assertThat(browser.get(callback.toString()).statusCode()).as("the state is spent").isEqualTo(400);
        assertThat(foodin.tokenEndpointCalls()).isEqualTo(before);
    }
}
