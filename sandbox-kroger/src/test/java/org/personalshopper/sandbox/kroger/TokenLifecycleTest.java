package org.personalshopper.sandbox.kroger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Refresh rotation, app tokens, the bearer check, and the shopper's stable profile id. */
class TokenLifecycleTest {

    @RegisterExtension
    static final KrogerSandboxExtension sandbox = KrogerSandboxExtension.with(SandboxSettings.defaults());

    private static HttpResponse<String> refresh(String refreshToken) {
        return sandbox.client().postForm("/v1/connect/oauth2/token",
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    private static String profileId(String accessToken) {
        HttpResponse<String> answer = sandbox.client().get("/v1/identity/profile", accessToken);
        assertThat(answer.statusCode()).isEqualTo(200);
        return sandbox.client().json(answer).at("/data/id").asText();
    }

    @Test
    void refreshingGivesANewPairAndKillsTheOldRefreshToken() {
        SandboxClient.Tokens first = sandbox.client().shopperTokens("hank", SandboxClient.ALL_SCOPES);

        HttpResponse<String> answer = refresh(first.refreshToken());

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode second = sandbox.client().json(answer);
        assertThat(second.get("access_token").asText()).isNotEqualTo(first.accessToken());
        assertThat(second.get("refresh_token").asText()).isNotBlank().isNotEqualTo(first.refreshToken());
        assertThat(second.get("expires_in").asLong()).isEqualTo(1800);
        HttpResponse<String> profile = sandbox.client().get("/v1/identity/profile", second.get("access_token").asText());
        assertThat(sandbox.client().json(profile).at("/data/id").asText()).isEqualTo(KrogerSandbox.profileIdOf("hank").toString());

        HttpResponse<String> reuse = refresh(first.refreshToken());
        assertThat(reuse.statusCode()).isEqualTo(400);
        assertThat(reuse.body()).isEqualTo("{\"error\":\"invalid_request\",\"error_description\":\"invalid refresh_token\"}");
        assertThat(refresh(second.get("refresh_token").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownRefreshTokenIsRefusedWithKrogersBody() {
        HttpResponse<String> answer = refresh("not-a-token");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(sandbox.client().json(answer).get("error_description").asText()).isEqualTo("invalid refresh_token");
    }

    @Test
    void clientCredentialsGiveAnAppTokenWithoutRefreshTokenForProductsAndStores() {
        HttpResponse<String> answer = sandbox.client().postForm("/v1/connect/oauth2/token",
                Map.of("grant_type", "client_credentials", "scope", "product.compact"));

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode tokens = sandbox.client().json(answer);
        assertThat(tokens.has("refresh_token")).isFalse();
        assertThat(tokens.get("token_type").asText()).isEqualTo("bearer");
        String appToken = tokens.get("access_token").asText();
        assertThat(sandbox.client().get("/v1/products?filter.term=milk", appToken).statusCode()).isEqualTo(200);
        assertThat(sandbox.client().get("/v1/locations?filter.zipCode.near=45202", appToken).statusCode()).isEqualTo(200);
    }

    @Test
    void anAppTokenCannotReadAProfileOrFillACart() {
        String appToken = sandbox.client().appToken();

        HttpResponse<String> profile = sandbox.client().get("/v1/identity/profile", appToken);
        HttpResponse<String> cart = sandbox.client().putJson("/v1/cart/add", appToken,
                "{\"items\":[{\"upc\":\"0001111041700\",\"quantity\":1}]}");

        for (HttpResponse<String> answer : java.util.List.of(profile, cart)) {
            assertThat(answer.statusCode()).isEqualTo(403);
            JsonNode errors = sandbox.client().json(answer).get("errors");
            assertThat(errors.get("code").asText()).isEqualTo("Forbidden");
            assertThat(errors.get("reason").asText()).isEqualTo("missing required scopes");
            assertThat(errors.get("timestamp").isNumber()).isTrue();
        }
    }

    @Test
    void clientCredentialsCannotAskForShopperScopes() {
        HttpResponse<String> answer = sandbox.client().postForm("/v1/connect/oauth2/token",
                Map.of("grant_type", "client_credentials", "scope", "cart.basic:write"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("{\"error\":\"invalid_scope\",\"error_description\":\"invalid scope\"}");
    }

    @Test
    void aShopperTokenWithoutTheScopeIsForbidden() {
        SandboxClient.Tokens productsOnly = sandbox.client().shopperTokens("ivy", "product.compact");

        assertThat(sandbox.client().get("/v1/products?filter.term=eggs", productsOnly.accessToken()).statusCode()).isEqualTo(200);
        assertThat(sandbox.client().get("/v1/identity/profile", productsOnly.accessToken()).statusCode()).isEqualTo(403);
        assertThat(sandbox.client().putJson("/v1/cart/add", productsOnly.accessToken(),
                "{\"items\":[{\"upc\":\"0001111041700\",\"quantity\":1}]}").statusCode()).isEqualTo(403);
    }

    @Test
    void theSameUsernameIsAlwaysTheSameKrogerProfile() {
        String first = profileId(sandbox.client().shopperTokens("Jules", SandboxClient.ALL_SCOPES).accessToken());
        String second = profileId(sandbox.client().shopperTokens("  jules ", SandboxClient.ALL_SCOPES).accessToken());
        String other = profileId(sandbox.client().shopperTokens("kim", SandboxClient.ALL_SCOPES).accessToken());

        assertThat(first).isEqualTo(second).isEqualTo(KrogerSandbox.profileIdOf("jules").toString());
        assertThat(other).isNotEqualTo(first);
        assertThat(java.util.UUID.fromString(first)).isNotNull();
    }

    @Test
    void aCallWithoutAuthorizationHeaderIs401TokenMissing() {
        HttpResponse<String> answer = sandbox.client().get("/v1/identity/profile");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body())
                .isEqualTo("{\"error\":\"invalid_request\",\"error_description\":\"The access_token is missing\"}");
        assertThat(sandbox.client().get("/v1/products?filter.term=milk").statusCode()).isEqualTo(401);
        assertThat(sandbox.client().get("/v1/locations?filter.zipCode.near=45202").statusCode()).isEqualTo(401);
    }

    @Test
    void anUnknownTokenIs401InvalidToken() {
        for (String path : new String[] {"/v1/identity/profile", "/v1/products?filter.term=milk", "/v1/locations/01400943"}) {
            HttpResponse<String> answer = sandbox.client().get(path, "forged-token");

            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.body()).isEqualTo(
                    "{\"error\":\"invalid_token\",\"error_description\":\"The access token is invalid or has expired\"}");
        }
    }

    @Test
    void anExpiredAccessTokenIs401UntilRefreshed() throws InterruptedException {
        try (KrogerSandbox shortLived = KrogerSandbox.start(
                SandboxSettings.defaults().withAccessTokenLifetime(Duration.ofSeconds(1)))) {
            SandboxClient shortClient = new SandboxClient(shortLived);
            SandboxClient.Tokens tokens = shortClient.shopperTokens("lena", SandboxClient.ALL_SCOPES);

            // Poll until the token has died; the bound only keeps a broken sandbox from hanging the build.
            Instant giveUp = Instant.now().plusSeconds(30);
            HttpResponse<String> answer = shortClient.get("/v1/identity/profile", tokens.accessToken());
            while (answer.statusCode() == 200 && Instant.now().isBefore(giveUp)) {
                Thread.sleep(100);
                answer = shortClient.get("/v1/identity/profile", tokens.accessToken());
            }

            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(shortClient.json(answer).get("error").asText()).isEqualTo("invalid_token");
            HttpResponse<String> refreshed = shortClient.postForm("/v1/connect/oauth2/token",
                    Map.of("grant_type", "refresh_token", "refresh_token", tokens.refreshToken()));
            assertThat(refreshed.statusCode()).isEqualTo(200);
            assertThat(shortClient.json(refreshed).get("expires_in").asLong()).isEqualTo(1);
        }
    }

    @Test
    void aNonBearerAuthorizationHeaderCountsAsMissing() {
        HttpResponse<String> answer = sandbox.client().send(HttpRequest.newBuilder(sandbox.client().uri("/v1/identity/profile"))
                .header("Authorization", "Basic abc").GET().build());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(sandbox.client().json(answer).get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void anUnknownPathIs404() {
        assertThat(sandbox.client().get("/v1/nothing-here", sandbox.client().appToken()).statusCode()).isEqualTo(404);
        assertThat(sandbox.client().get("/v2/products").statusCode()).isEqualTo(404);
    }
}
