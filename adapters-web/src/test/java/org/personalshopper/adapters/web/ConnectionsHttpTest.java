package org.personalshopper.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.personalshopper.adapters.web.support.FakeUseCases;
import org.personalshopper.adapters.web.support.Json;
import org.personalshopper.adapters.web.support.WebServer;
import org.personalshopper.application.port.in.ConnectionConflictException;
import org.personalshopper.application.port.in.ConnectionRequiredException;
import org.personalshopper.application.port.in.ConnectionStatus;
import org.personalshopper.application.port.in.NotOfferedException;
import org.personalshopper.domain.Capability;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.Provider;

/** Providers, connecting, disconnecting and deleting the account, as clients of the HTTP API see them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionsHttpTest {
    @RegisterExtension
    final WebServer web = WebServer.standard();
    private final FakeUseCases fakes = web.fakes;

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return web.send(request.build());
    }

    @Test
    void theProvidersAreListedPubliclyWithTheirCapabilities() {
        HttpResponse<String> response = web.get("/auth/providers");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.parse(response.body())).isEqualTo(Json.parse(
                "{\"items\":[{\"name\":\"kroger\",\"capabilities\":[\"sign-in\",\"catalog\",\"stores\",\"cart\"]},"
                        + "{\"name\":\"foodin\",\"capabilities\":[\"sign-in\"]}]}"));
    }

    @Test
    void aSignInNamesItsProviderAndAnUnconfiguredOneIsNotOffered() {
        assertThat(web.get("/auth/login?provider=foodin").statusCode()).isEqualTo(302);
        assertThat(fakes.lastBeginLogin.provider()).contains(new Provider("foodin"));
        assertThat(fakes.lastBeginLogin.linkTo()).isEmpty();

        Json.problem(web.get("/auth/login?provider=NOT%20A%20NAME"), 400);
    }

    @Test
    void eachProviderHasItsOwnCallbackAndThePlainOneIsKrogers() {
        web.send(web.request("/auth/callback/foodin?code=c&state=s").header("Cookie", "shopper_login=" + FakeUseCases.LOGIN_BINDING).GET().build());
        assertThat(fakes.lastCompleteLogin.callbackProvider()).isEqualTo(new Provider("foodin"));

        web.send(web.request("/auth/callback?code=c&state=s").header("Cookie", "shopper_login=" + FakeUseCases.LOGIN_BINDING).GET().build());
        assertThat(fakes.lastCompleteLogin.callbackProvider()).isEqualTo(new Provider("kroger"));
    }

    @Test
    void connectingSendsTheSignedInShopperToTheProviderWithA303() {
        HttpResponse<String> response = send(web.signedIn("/auth/connect?provider=kroger")
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("state="));
        assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("shopper_login="));
        assertThat(fakes.lastBeginLogin.provider()).contains(new Provider("kroger"));
        assertThat(fakes.lastBeginLogin.linkTo()).contains(FakeUseCases.SHOPPER);
    }

    @Test
    void aScriptAskingForJsonGetsTheLocationToNavigateToAndTheLoginCookie() {
        HttpResponse<String> response = send(web.signedIn("/auth/connect?provider=kroger").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.parse(response.body()).path("location").asText()).contains("state=");
        assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("shopper_login="));
    }

    @Test
    void connectingNeedsASessionAProviderAndOurOwnOrigin() {
        Json.problem(send(web.request("/auth/connect?provider=kroger").POST(HttpRequest.BodyPublishers.noBody())), 401);
        Json.problem(send(web.signedIn("/auth/connect").POST(HttpRequest.BodyPublishers.noBody())), 400);
        Json.problem(send(web.signedIn("/auth/connect?provider=kroger").header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.noBody())), 403);
        assertThat(fakes.lastBeginLogin).isNull();
    }

    @Test
    void anAccountOfAnotherShopperAtTheCallbackIsA409AndTheLoginCookieIsCleared() {
        fakes.completeLoginFailure = new ConnectionConflictException(
                ConnectionConflictException.Reason.LINKED_TO_ANOTHER_SHOPPER, new Provider("kroger"));

        HttpResponse<String> response = web.send(web.request("/auth/callback/kroger?code=c&state=s")
                .header("Cookie", "shopper_login=" + FakeUseCases.LOGIN_BINDING).GET().build());

        JsonNode problem = Json.problem(response, 409);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/account-linked-elsewhere");
        assertThat(problem.path("provider").asText()).isEqualTo("kroger");
        assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("shopper_login=;"));
        assertThat(response.headers().allValues("Set-Cookie")).noneSatisfy(c -> assertThat(c).startsWith("__Host-shopper_session="));
    }

    @Test
    void theShopperShowsEveryConnectionAndKeepsItsEarlierFields() {
        fakes.connectionList.clear();
        fakes.connectionList.add(new ConnectionStatus(new Provider("foodin"), new ProfileId("fu_1"), true,
                Optional.of(FakeUseCases.NOW.plusSeconds(3600))));

        JsonNode shopper = Json.parse(web.get("/api/user").body());

        assertThat(shopper.path("provider").asText()).isEqualTo("foodin");
        assertThat(shopper.path("profileId").asText()).isEqualTo("fu_1");
        assertThat(shopper.path("kroger").path("connected").asBoolean()).isFalse();
        assertThat(shopper.path("connections")).hasSize(1);
        assertThat(shopper.path("connections").get(0)).isEqualTo(Json.parse(
                "{\"provider\":\"foodin\",\"profileId\":\"fu_1\",\"connected\":true,\"accessExpiresAt\":\"2026-11-22T11:15:30Z\"}"));
    }

    @Test
    void disconnectingAnswers204ThenNotFoundAndTheLastConnectionIsAConflict() {
        fakes.connectionList.add(new ConnectionStatus(new Provider("foodin"), new ProfileId("fu_1"), true, Optional.empty()));

        assertThat(send(web.signedIn("/api/user/connections/foodin").DELETE()).statusCode()).isEqualTo(204);
        assertThat(Json.problem(send(web.signedIn("/api/user/connections/foodin").DELETE()), 404).path("type").asText())
                .isEqualTo("/problems/not-found");
        JsonNode last = Json.problem(send(web.signedIn("/api/user/connections/kroger").DELETE()), 409);
        assertThat(last.path("type").asText()).isEqualTo("/problems/last-connection");
        Json.problem(send(web.signedIn("/api/user/connections/NOT%20ONE").DELETE()), 404);
        assertThat(fakes.disconnected).containsExactly("foodin");
    }

    @Test
    void deletingTheAccountAnswers204AndClearsTheSessionCookie() {
        HttpResponse<String> response = send(web.signedIn("/api/user").DELETE());

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(fakes.accountDeleted).isTrue();
        assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("__Host-shopper_session=;"));
        Json.problem(web.get("/api/user"), 401);
    }

    @Test
    void aCartAddWithoutAConnectionNamesTheProviderAndWhereToConnectIt() {
        fakes.cartFailure = new ConnectionRequiredException(new Provider("kroger"), Capability.CART);

        JsonNode problem = Json.problem(web.json("POST", "/api/cart",
                "{\"items\":[{\"upc\":\"0001111041700\",\"quantity\":1,\"modality\":\"PICKUP\"}]}"), 409);

        assertThat(problem.path("type").asText()).isEqualTo("/problems/connection-required");
        assertThat(problem.path("provider").asText()).isEqualTo("kroger");
        assertThat(problem.path("connectUrl").asText()).isEqualTo("/auth/connect?provider=kroger");
    }

    @Test
    void whatNoProviderOffersIsAProblemOfItsOwn() {
        fakes.searchFailure = new NotOfferedException(Capability.CATALOG, Optional.empty());

        JsonNode problem = Json.problem(web.get("/api/products?term=milk"), 404);

        assertThat(problem.path("type").asText()).isEqualTo("/problems/not-offered");
        assertThat(problem.path("capability").asText()).isEqualTo("catalog");
    }
}
