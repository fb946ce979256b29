package org.personalshopper.adapters.kroger.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Adding to a shopper's Kroger cart, and the sandbox-only read-back tests rely on. */
class CartTest {

    private static KrogerSandbox sandbox;
    private static SandboxClient client;

    @BeforeAll
    static void start() {
        sandbox = KrogerSandbox.start(SandboxSettings.defaults());
        client = new SandboxClient(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static JsonNode cartOf(String username) {
        HttpResponse<String> answer = client.get("/sandbox/carts?username=" + username);
        assertThat(answer.statusCode()).isEqualTo(200);
        return client.json(answer);
    }

    private static String reasonOf(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(client.json(answer).at("/errors/code").asText()).isEqualTo("API-4101-400");
        return client.json(answer).at("/errors/reason").asText();
    }

    @Test
    void addsAccumulateAndCanBeReadBack() {
        String token = client.shopperTokens("olga", SandboxClient.ALL_SCOPES).accessToken();

        HttpResponse<String> first = client.putJson("/v1/cart/add", token,
                "{\"items\":[{\"upc\":\"0001111041700\",\"quantity\":2,\"modality\":\"PICKUP\"}]}");
        HttpResponse<String> second = client.putJson("/v1/cart/add", token,
                "{\"items\":[{\"upc\":\"0001111041700\",\"quantity\":3},{\"upc\":\"0001111060933\",\"quantity\":1,\"modality\":\"DELIVERY\"}]}");

        assertThat(first.statusCode()).isEqualTo(204);
        assertThat(first.body()).isEmpty();
        assertThat(second.statusCode()).isEqualTo(204);
        JsonNode cart = cartOf("olga");
        assertThat(cart.get("profileId").asText()).isEqualTo(KrogerSandbox.profileIdOf("olga").toString());
        assertThat(cart.at("/items/0/upc").asText()).isEqualTo("0001111041700");
        assertThat(cart.at("/items/0/quantity").asInt()).isEqualTo(5);
        assertThat(cart.at("/items/0/description").asText()).isEqualTo("Kroger 2% Reduced Fat Milk");
        assertThat(cart.at("/items/1/upc").asText()).isEqualTo("0001111060933");
        assertThat(cart.at("/items/1/modality").asText()).isEqualTo("DELIVERY");
        assertThat(client.json(client.get("/sandbox/carts/" + KrogerSandbox.profileIdOf("olga"))))
                .isEqualTo(cart);
    }

    @Test
    void eachShopperHasTheirOwnCart() {
        String token = client.shopperTokens("pete", SandboxClient.ALL_SCOPES).accessToken();
        client.putJson("/v1/cart/add", token, "{\"items\":[{\"upc\":\"0007680850001\",\"quantity\":1}]}");

        assertThat(cartOf("pete").get("items").size()).isEqualTo(1);
        assertThat(cartOf("pete").at("/items/0/modality").asText()).isEqualTo("PICKUP");
        assertThat(cartOf("quinn").get("items").size()).isZero();
    }

    @Test
    void invalidItemsGetKrogersReasonsAndLeaveTheCartAsItWas() {
        String token = client.shopperTokens("rosa", SandboxClient.ALL_SCOPES).accessToken();

        assertThat(reasonOf(client.putJson("/v1/cart/add", token,
                "{\"items\":[{\"upc\":\"0001111041700\",\"quantity\":1},{\"upc\":\"000111104170\",\"quantity\":1}]}")))
                .isEqualTo("UPC must have a length of 13 characters");
        assertThat(reasonOf(client.putJson("/v1/cart/add", token,
                "{\"items\":[{\"upc\":\"0001111041700\",\"quantity\":1,\"modality\":\"CURBSIDE\"}]}")))
                .isEqualTo("Modality must be omitted or equal to one of the following codes: SHIP, DELIVERY, PICKUP");
        assertThat(reasonOf(client.putJson("/v1/cart/add", token,
                "{\"items\":[{\"upc\":\"0001111041700\",\"quantity\":0}]}"))).contains("Quantity");
        assertThat(reasonOf(client.putJson("/v1/cart/add", token,
                "{\"items\":[{\"upc\":\"0001111041700\",\"quantity\":1.5}]}"))).contains("Quantity");
        assertThat(reasonOf(client.putJson("/v1/cart/add", token,
                "{\"items\":[{\"upc\":\"0001111041700\",\"quantity\":\"2\"}]}"))).contains("Quantity");
        assertThat(reasonOf(client.putJson("/v1/cart/add", token, "{\"items\":[{\"upc\":"))).isEqualTo("Cannot parse parameters");
        assertThat(reasonOf(client.putJson("/v1/cart/add", token, "{\"items\":[]}"))).isEqualTo("Cannot parse parameters");
        assertThat(reasonOf(client.putJson("/v1/cart/add", token, "[]"))).isEqualTo("Cannot parse parameters");

        assertThat(cartOf("rosa").get("items").size()).isZero();
    }

    @Test
    void shipIsAnAcceptedModality() {
        String token = client.shopperTokens("sam", SandboxClient.ALL_SCOPES).accessToken();

        assertThat(client.putJson("/v1/cart/add", token,
                "{\"items\":[{\"upc\":\"0001111081220\",\"quantity\":1,\"modality\":\"SHIP\"}]}").statusCode()).isEqualTo(204);
        assertThat(cartOf("sam").at("/items/0/modality").asText()).isEqualTo("SHIP");
    }

    @Test
    void theSandboxCanEmptyACartBetweenTests() {
        String token = client.shopperTokens("tara", SandboxClient.ALL_SCOPES).accessToken();
        client.putJson("/v1/cart/add", token, "{\"items\":[{\"upc\":\"0001111041700\",\"quantity\":1}]}");

        HttpResponse<String> emptied = client.send(java.net.http.HttpRequest.newBuilder(
                client.uri("/sandbox/carts/" + KrogerSandbox.profileIdOf("tara"))).DELETE().build());

        assertThat(emptied.statusCode()).isEqualTo(204);
        assertThat(cartOf("tara").get("items").size()).isZero();
    }

    @Test
    void cartAddWithoutTokenIs401() {
        HttpResponse<String> answer = client.send(java.net.http.HttpRequest.newBuilder(client.uri("/v1/cart/add"))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"items\":[]}")).build());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(client.json(answer).get("error_description").asText()).isEqualTo("The access_token is missing");
    }
}
