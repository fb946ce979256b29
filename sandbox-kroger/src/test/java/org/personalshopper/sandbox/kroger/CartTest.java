package org.personalshopper.sandbox.kroger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Adding to a shopper's Kroger cart, and the sandbox-only read-back tests rely on. */
class CartTest {

    @RegisterExtension
    static final KrogerSandboxExtension sandbox = KrogerSandboxExtension.with(SandboxSettings.defaults());

    private static JsonNode cartOf(String username) {
        HttpResponse<String> answer = sandbox.client().get("/sandbox/carts?username=" + username);
        assertThat(answer.statusCode()).isEqualTo(200);
        return sandbox.client().json(answer);
    }

    private static String reasonOf(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(sandbox.client().json(answer).at("/errors/code").asText()).isEqualTo("API-4101-400");
        return sandbox.client().json(answer).at("/errors/reason").asText();
    }

    @Test
    void addsAccumulateAndCanBeReadBack() {
        String token = sandbox.client().shopperTokens("olga", SandboxClient.ALL_SCOPES).accessToken();

        HttpResponse<String> first = sandbox.client().putJson("/v1/cart/add", token,
                "{\"items\":[{\"upc\":\"0001111041700\",\"quantity\":2,\"modality\":\"PICKUP\"}]}");
        HttpResponse<String> second = sandbox.client().putJson("/v1/cart/add", token,
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
        assertThat(sandbox.client().json(sandbox.client().get("/sandbox/carts/" + KrogerSandbox.profileIdOf("olga"))))
                .isEqualTo(cart);
    }

    @Test
    void eachShopperHasTheirOwnCart() {
        String token = sandbox.client().shopperTokens("pete", SandboxClient.ALL_SCOPES).accessToken();
        sandbox.client().putJson("/v1/cart/add", token, "{\"items\":[{\"upc\":\"0007680850001\",\"quantity\":1}]}");

        assertThat(cartOf("pete").get("items").size()).isEqualTo(1);
        assertThat(cartOf("pete").at("/items/0/modality").asText()).isEqualTo("PICKUP");
        assertThat(cartOf("quinn").get("items").size()).isZero();
    }

    @Test
    void invalidItemsGetKrogersReasonsAndLeaveTheCartAsItWas() {
        String token = sandbox.client().shopperTokens("rosa", SandboxClient.ALL_SCOPES).accessToken();

        assertThat(reasonOf(sandbox.client().putJson("/v1/cart/add", token,
                "{\"items\":[{\"upc\":\"0001111041700\",\"quantity\":1},{\"upc\":\"000111104170\",\"quantity\":1}]}")))
                .isEqualTo("UPC must have a length of 13 characters");
        assertThat(reasonOf(sandbox.client().putJson("/v1/cart/add", token,
                "{\"items\":[{\"upc\":\"0001111041700\",\"quantity\":1,\"modality\":\"CURBSIDE\"}]}")))
                .isEqualTo("Modality must be omitted or equal to one of the following codes: SHIP, DELIVERY, PICKUP");
        assertThat(reasonOf(sandbox.client().putJson("/v1/cart/add", token,
                "{\"items\":[{\"upc\":\"0001111041700\",\"quantity\":0}]}"))).contains("Quantity");
        assertThat(reasonOf(sandbox.client().putJson("/v1/cart/add", token,
                "{\"items\":[{\"upc\":\"0001111041700\",\"quantity\":1.5}]}"))).contains("Quantity");
        assertThat(reasonOf(sandbox.client().putJson("/v1/cart/add", token,
                "{\"items\":[{\"upc\":\"0001111041700\",\"quantity\":\"2\"}]}"))).contains("Quantity");
        assertThat(reasonOf(sandbox.client().putJson("/v1/cart/add", token, "{\"items\":[{\"upc\":"))).isEqualTo("Cannot parse parameters");
        assertThat(reasonOf(sandbox.client().putJson("/v1/cart/add", token, "{\"items\":[]}"))).isEqualTo("Cannot parse parameters");
        assertThat(reasonOf(sandbox.client().putJson("/v1/cart/add", token, "[]"))).isEqualTo("Cannot parse parameters");

        assertThat(cartOf("rosa").get("items").size()).isZero();
    }

    @Test
    void shipIsAnAcceptedModality() {
        String token = sandbox.client().shopperTokens("sam", SandboxClient.ALL_SCOPES).accessToken();

        assertThat(sandbox.client().putJson("/v1/cart/add", token,
                "{\"items\":[{\"upc\":\"0001111081220\",\"quantity\":1,\"modality\":\"SHIP\"}]}").statusCode()).isEqualTo(204);
        assertThat(cartOf("sam").at("/items/0/modality").asText()).isEqualTo("SHIP");
    }

    @Test
    void theSandboxCanEmptyACartBetweenTests() {
        String token = sandbox.client().shopperTokens("tara", SandboxClient.ALL_SCOPES).accessToken();
        sandbox.client().putJson("/v1/cart/add", token, "{\"items\":[{\"upc\":\"0001111041700\",\"quantity\":1}]}");

        HttpResponse<String> emptied = sandbox.client().send(java.net.http.HttpRequest.newBuilder(
                sandbox.client().uri("/sandbox/carts/" + KrogerSandbox.profileIdOf("tara"))).DELETE().build());

        assertThat(emptied.statusCode()).isEqualTo(204);
        assertThat(cartOf("tara").get("items").size()).isZero();
    }

    @Test
    void cartAddWithoutTokenIs401() {
        HttpResponse<String> answer = sandbox.client().send(java.net.http.HttpRequest.newBuilder(sandbox.client().uri("/v1/cart/add"))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"items\":[]}")).build());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(sandbox.client().json(answer).get("error_description").asText()).isEqualTo("The access_token is missing");
    }
}
