package org.personalshopper.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.personalshopper.adapters.web.support.FakeUseCases;
import org.personalshopper.adapters.web.support.Json;
import org.personalshopper.adapters.web.support.WebServer;
import org.personalshopper.application.port.in.FillCart;
import org.personalshopper.application.port.in.ProviderConnectionUnavailableException;
import org.personalshopper.application.port.in.IdempotencyConflictException;
import org.personalshopper.application.port.in.IdempotencyKeyReusedException;
import org.personalshopper.application.port.in.NotFoundException;
import org.personalshopper.application.port.in.SignInRequiredException;
import org.personalshopper.application.port.in.UnknownStoreException;
import org.personalshopper.application.port.in.ProviderFailedException;
import org.personalshopper.domain.Modality;
import org.personalshopper.domain.ProviderFailure;
import org.personalshopper.domain.StoreLocationId;

/** The /api endpoints' answers and the mapping of every use-case outcome to HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiHttpTest {
    private static final String SELECTION = "{\"item\":\"Milk\",\"productId\":\"0001111041700\",\"upc\":\"0001111041700\","
            + "\"description\":\"Kroger 2% Reduced Fat Milk\",\"brand\":\"Kroger\",\"size\":\"1 gal\",\"quantity\":2}";

    @RegisterExtension
    final WebServer web = WebServer.standard();
    private final FakeUseCases fakes = web.fakes;

    private static JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return Json.parse(response.body());
    }

    @Test
    void theShopperIsShownWithTheirConnectionButNeverATokenItself() {
        JsonNode user = ok(web.get("/api/user"), 200);

        assertThat(user.path("id").asText()).isEqualTo(FakeUseCases.SHOPPER.toString());
        assertThat(user.path("provider").asText()).isEqualTo("kroger");
        assertThat(user.path("profileId").asText()).isEqualTo("profile-7a1b");
        assertThat(user.path("preferredLocationId").isNull()).isTrue();
        assertThat(user.path("createdAt").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(user.path("kroger").path("connected").asBoolean()).isTrue();
        assertThat(user.path("kroger").path("accessTokenExpiresAt").asText()).isEqualTo("2026-11-22T10:45:30Z");
        assertThat(web.get("/api/user").body()).doesNotContain(FakeUseCases.ACCESS_TOKEN, "refresh");
    }

    @Test
    void smallAnswersCarryTheirLengthAndLongerOnesArriveWholeInChunks() {
        HttpResponse<String> user = web.get("/api/user");
        assertThat(user.headers().firstValue("Content-Length"))
                .hasValue(String.valueOf(user.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));

        for (int i = 0; i < 20; i++) {
            ok(web.json("POST", "/api/selections", SELECTION.replace("\"Milk\"", "\"Milk " + i + "\"")), 201);
        }
        HttpResponse<String> list = web.get("/api/selections");
        // Past the buffer Jersey allocates for every answer (2 KB, not its default 8 KB): sent chunked, whole.
        assertThat(list.body().length()).isBetween(ShopperWebApp.CONTENT_LENGTH_BUFFER_BYTES, 8 * 1024);
        assertThat(list.headers().firstValue("Content-Length")).isEmpty();
        assertThat(ok(list, 200).path("items")).hasSize(20);
    }

    @Test
    void choosingAStoreAnswersTheShopperWithIt() {
        JsonNode user = ok(web.json("PUT", "/api/user/location", "{\"locationId\":\"01400943\"}"), 200);

        assertThat(user.path("preferredLocationId").asText()).isEqualTo("01400943");
        assertThat(fakes.shopper.preferredLocation()).contains(new StoreLocationId("01400943"));
    }

    @Test
    void aMalformedStoreIdIs400AndNeverReachesTheGrocer() {
        JsonNode problem = Json.problem(web.json("PUT", "/api/user/location", "{\"locationId\":\"0140094\"}"), 400);
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("locationId");
        assertThat(fakes.writes).hasValue(0);
    }

    @Test
    void aStoreTheGrocerDoesNotKnowIs422() {
        fakes.chooseFailure = new UnknownStoreException(new StoreLocationId("99999999"));
        JsonNode problem = Json.problem(web.json("PUT", "/api/user/location", "{\"locationId\":\"99999999\"}"), 422);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/unknown-store");
    }

    @ParameterizedTest
    @CsvSource({"UNAVAILABLE,30", "TIMED_OUT,30", "UNREACHABLE,30", "RATE_LIMITED,30", "BAD_RESPONSE,30", "REJECTED,30"})
    void anyGrocerFailureWhileChoosingAStoreIs503WithRetryAfter(ProviderFailure failure, String retryAfter) {
        fakes.chooseFailure = new ProviderFailedException(failure, "grocer says no");

        HttpResponse<String> response = web.json("PUT", "/api/user/location", "{\"locationId\":\"01400943\"}");

        Json.problem(response, 503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue(retryAfter);
        assertThat(fakes.shopper.preferredLocation()).isEmpty();
    }

    @Test
    void theGrocersOwnRetryAfterIsPassedOn() {
        fakes.chooseFailure = new ProviderFailedException(ProviderFailure.RATE_LIMITED, "quota", Optional.of(Duration.ofSeconds(120)), null);
        assertThat(web.json("PUT", "/api/user/location", "{\"locationId\":\"01400943\"}").headers().firstValue("Retry-After"))
                .hasValue("120");
    }

    @Test
    void guidanceIsCreatedListedAndDeleted() {
        HttpResponse<String> created = web.json("POST", "/api/guidance", "{\"text\":\"  prefer organic  \"}");
        JsonNode item = ok(created, 201);
        assertThat(item.path("text").asText()).isEqualTo("prefer organic");
        assertThat(item.path("createdAt").asText()).isEqualTo("2026-11-22T10:15:30Z");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/guidance/" + item.path("id").asText());

        JsonNode list = ok(web.get("/api/guidance"), 200);
        assertThat(list.path("items")).hasSize(1);
        assertThat(list.path("items").get(0).path("id").asText()).isEqualTo(item.path("id").asText());

        HttpResponse<String> deleted = web.send(web.signedIn("/api/guidance/" + item.path("id").asText()).DELETE().build());
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(ok(web.get("/api/guidance"), 200).path("items")).isEmpty();
    }

    @Test
    void deletingUnknownOrMalformedGuidanceIs404() {
        Json.problem(web.send(web.signedIn("/api/guidance/" + UUID.randomUUID()).DELETE().build()), 404);
        Json.problem(web.send(web.signedIn("/api/guidance/not-an-id").DELETE().build()), 404);
    }

    @Test
    void guidancePastTheLimitIs409() {
        fakes.guidanceLimit = 1;
        assertThat(web.json("POST", "/api/guidance", "{\"text\":\"one\"}").statusCode()).isEqualTo(201);
        JsonNode problem = Json.problem(web.json("POST", "/api/guidance", "{\"text\":\"two\"}"), 409);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/limit-reached");
    }

    @Test
    void guidanceTextIsCheckedBeforeItIsStored() {
        Json.problem(web.json("POST", "/api/guidance", "{\"text\":\"   \"}"), 400);
        Json.problem(web.json("POST", "/api/guidance", "{\"text\":\"" + "x".repeat(501) + "\"}"), 400);
        assertThat(fakes.writes).hasValue(0);
    }

    @Test
    void aNewSelectionIs201AndTheSameItemAgainReplacesItWith200() {
        HttpResponse<String> created = web.json("POST", "/api/selections", SELECTION);
        JsonNode first = ok(created, 201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/selections/" + first.path("id").asText());
        assertThat(first.path("item").asText()).isEqualTo("Milk");
        assertThat(first.path("upc").asText()).isEqualTo("0001111041700");
        assertThat(first.path("quantity").asInt()).isEqualTo(2);
        assertThat(first.path("brand").asText()).isEqualTo("Kroger");

        HttpResponse<String> replaced = web.json("POST", "/api/selections", SELECTION.replace("\"Milk\"", "\"milk\"")
                .replace("\"quantity\":2", "\"quantity\":3"));
        JsonNode second = ok(replaced, 200);
        assertThat(second.path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(second.path("quantity").asInt()).isEqualTo(3);

        assertThat(ok(web.get("/api/selections"), 200).path("items")).hasSize(1);
        assertThat(web.send(web.signedIn("/api/selections/" + first.path("id").asText()).DELETE().build()).statusCode())
                .isEqualTo(204);
        Json.problem(web.send(web.signedIn("/api/selections/" + first.path("id").asText()).DELETE().build()), 404);
    }

    @Test
    void productSearchAnswersCompactProductsAndPaging() {
        JsonNode page = ok(web.get("/api/products?term=milk&locationId=01400943&brand=Kroger&start=10&limit=5"), 200);

        assertThat(page.path("start").asInt()).isEqualTo(10);
        assertThat(page.path("limit").asInt()).isEqualTo(5);
        assertThat(page.path("total").asInt()).isEqualTo(42);
        JsonNode product = page.path("items").get(0);
        assertThat(product.path("productId").asText()).isEqualTo("0001111041700");
        assertThat(product.path("upc").asText()).isEqualTo("0001111041700");
        assertThat(product.path("price").path("regular").decimalValue()).isEqualByComparingTo("3.49");
        assertThat(product.path("price").path("promo").decimalValue()).isEqualByComparingTo("2.99");
        assertThat(product.path("fulfillment").path("curbside").asBoolean()).isTrue();
        assertThat(product.path("inStock").asBoolean()).isTrue();
        assertThat(product.path("stockLevel").asText()).isEqualTo("high");
        assertThat(product.path("imageUrl").asText()).isEqualTo("https://images.example/milk-front-medium.jpg");
        assertThat(fakes.lastProductQuery.locationId()).contains(new StoreLocationId("01400943"));
        assertThat(fakes.lastProductQuery.brand()).contains("Kroger");
    }

    @Test
    void productSearchWithoutAStoreLeavesTheChoiceToTheUseCase() {
        ok(web.get("/api/products?term=milk"), 200);
        assertThat(fakes.lastProductQuery.locationId()).isEmpty();
        assertThat(fakes.lastProductQuery.limit()).isEqualTo(10);
    }

    @ParameterizedTest
    @CsvSource({"/api/products,term", "/api/products?term=mi,term", "/api/products?term=milk&limit=51,limit",
            "/api/products?term=milk&limit=abc,limit", "/api/products?term=milk&start=-1,start",
            "/api/products?term=milk&locationId=123,locationId"})
    void badProductSearchesAre400NamingTheParameter(String path, String field) {
        JsonNode problem = Json.problem(web.get(path), 400);
        assertThat(problem.path("errors").findValuesAsText("field")).contains(field);
        assertThat(fakes.lastProductQuery).isNull();
    }

    @Test
    void oneProductByIdOr404() {
        assertThat(ok(web.get("/api/products/0001111041700"), 200).path("description").asText())
                .isEqualTo("Kroger 2% Reduced Fat Milk");
        Json.problem(web.get("/api/products/0000000000001"), 404);
        Json.problem(web.get("/api/products/not-digits"), 404);
    }

    @Test
    void storesNearAZipCode() {
        JsonNode stores = ok(web.get("/api/locations?zipCode=45236&radiusInMiles=5&limit=3&chain=Kroger"), 200);

        JsonNode store = stores.path("items").get(0);
        assertThat(store.path("locationId").asText()).isEqualTo("01400943");
        assertThat(store.path("address").path("zipCode").asText()).isEqualTo("45236");
        assertThat(store.path("geolocation").path("latitude").asDouble()).isEqualTo(39.2);
        assertThat(fakes.lastStoreQuery.radiusInMiles()).isEqualTo(5);
        assertThat(fakes.lastStoreQuery.chain()).contains("Kroger");
        ok(web.get("/api/locations?latLong=39.3063,-84.2789"), 200);
    }

    @ParameterizedTest
    @CsvSource({"/api/locations?zipCode=4523,zipCode", "/api/locations,zipCode", "/api/locations?latLong=north,latLong",
            "/api/locations?zipCode=45236&radiusInMiles=500,radiusInMiles", "/api/locations?zipCode=45236&limit=x,limit"})
    void badStoreSearchesAre400(String path, String field) {
        assertThat(Json.problem(web.get(path), 400).path("errors").findValuesAsText("field")).contains(field);
        assertThat(fakes.lastStoreQuery).isNull();
    }

    @ParameterizedTest
    @CsvSource({"REJECTED,400,/problems/grocer-rejected", "UNAUTHORIZED,502,/problems/grocer-unavailable",
            "FORBIDDEN,403,/problems/grocer-forbidden", "NOT_FOUND,404,/problems/grocer-not-found",
            "RATE_LIMITED,503,/problems/grocer-rate-limited", "UNAVAILABLE,502,/problems/grocer-unavailable",
            "BAD_RESPONSE,502,/problems/grocer-unavailable", "TIMED_OUT,504,/problems/grocer-timeout",
            "UNREACHABLE,503,/problems/grocer-unavailable"})
    void grocerFailuresOnReadsMapToTheirStatus(ProviderFailure failure, int status, String type) {
        fakes.searchFailure = new ProviderFailedException(failure, "the grocer's reason");
        HttpResponse<String> response = web.get("/api/products?term=milk");

        assertThat(Json.problem(response, status).path("type").asText()).isEqualTo(type);
        if (status == 503) {
            assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
        }
    }

    @Test
    void aGrocerRefusalCarriesItsReasonAndAForbiddenOneNamesTheScope() {
        fakes.searchFailure = new ProviderFailedException(ProviderFailure.REJECTED, "filter.term must be 3 characters");
        assertThat(Json.problem(web.get("/api/products?term=milk"), 400).path("detail").asText()).contains("filter.term");
        fakes.searchFailure = new ProviderFailedException(ProviderFailure.FORBIDDEN, "missing scope product.compact");
        assertThat(Json.problem(web.get("/api/products?term=milk"), 403).path("detail").asText()).contains("product.compact");
    }

    @Test
    void aLostGrocerConnectionAsksTheShopperToSignInAgain() {
        fakes.searchFailure = new SignInRequiredException("refresh token refused");
        JsonNode problem = Json.problem(web.get("/api/products?term=milk"), 401);

        assertThat(problem.path("type").asText()).isEqualTo("/problems/sign-in-required");
        assertThat(problem.path("signInUrl").asText()).isEqualTo("/auth/login");
    }

    @Test
    void aRefreshOutageIs503WithRetryAfter() {
        fakes.searchFailure = new ProviderConnectionUnavailableException(Optional.of(Duration.ofSeconds(7)), null);
        HttpResponse<String> response = web.get("/api/products?term=milk");

        Json.problem(response, 503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
    }

    @Test
    void itemsAddedToTheCartAnswer204AndAReplayToo() {
        String body = "{\"items\":[{\"upc\":\"0001111041700\",\"quantity\":2,\"modality\":\"DELIVERY\"},"
                + "{\"upc\":\"0001111041701\",\"quantity\":1}]}";
        assertThat(web.json("POST", "/api/cart", body, Map.of("Idempotency-Key", "k-1")).statusCode()).isEqualTo(204);
        FillCart.FillCartCommand command = fakes.lastCart;
        assertThat(command.idempotencyKey().orElseThrow().value()).isEqualTo("k-1");
        assertThat(command.items()).hasSize(2);
        assertThat(command.items().get(0).modality()).isEqualTo(Modality.DELIVERY);
        assertThat(command.items().get(1).modality()).isEqualTo(Modality.PICKUP);

        fakes.cartOutcome = s -> new FillCart.CartResult(s.added(FakeUseCases.NOW), true);
        assertThat(web.json("POST", "/api/cart", body, Map.of("Idempotency-Key", "k-1")).statusCode()).isEqualTo(204);
    }

    @Test
    void savedSelectionsGoToTheCartWithTheirModality() {
        UUID id = UUID.randomUUID();
        assertThat(web.json("POST", "/api/cart", "{\"selectionIds\":[\"" + id + "\"],\"modality\":\"delivery\"}").statusCode())
                .isEqualTo(204);
        assertThat(fakes.lastCart.selectionIds()).hasSize(1);
        assertThat(fakes.lastCart.selectionModality()).isEqualTo(Modality.DELIVERY);
        assertThat(fakes.lastCart.items()).isEmpty();
    }

    @Test
    void aSelectionIdThatIsNotTheShoppersIs404() {
        fakes.cartFailure = new NotFoundException("selection");
        Json.problem(web.json("POST", "/api/cart", "{\"selectionIds\":[\"" + UUID.randomUUID() + "\"]}"), 404);
    }

    @ParameterizedTest
    @CsvSource({"REJECTED,400,/problems/grocer-rejected", "FORBIDDEN,403,/problems/grocer-forbidden",
            "NOT_FOUND,404,/problems/grocer-not-found", "RATE_LIMITED,503,/problems/grocer-rate-limited",
            "UNAUTHORIZED,401,/problems/sign-in-required", "UNREACHABLE,503,/problems/grocer-unavailable"})
    void aFailedCartAddSaysWhy(ProviderFailure failure, int status, String type) {
        fakes.cartOutcome = s -> new FillCart.CartResult(s.failedWith(failure, "Kroger: scope cart.basic:write missing",
                FakeUseCases.NOW), false);

        HttpResponse<String> response = web.json("POST", "/api/cart", "{\"items\":[{\"upc\":\"0001111041700\",\"quantity\":1}]}");

        JsonNode problem = Json.problem(response, status);
        assertThat(problem.path("type").asText()).isEqualTo(type);
        if (status == 503) {
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
        }
        if (failure == ProviderFailure.REJECTED || failure == ProviderFailure.FORBIDDEN) {
            assertThat(problem.path("detail").asText()).contains("cart.basic:write");
        }
    }

    @ParameterizedTest
    @CsvSource({"UNAVAILABLE,502", "BAD_RESPONSE,502", "TIMED_OUT,504"})
    void anUnknownCartOutcomeSaysToCheckTheCartBeforeRetrying(ProviderFailure failure, int status) {
        fakes.cartOutcome = s -> new FillCart.CartResult(s.failedWith(failure, "no answer", FakeUseCases.NOW), false);

        JsonNode problem = Json.problem(web.json("POST", "/api/cart", "{\"items\":[{\"upc\":\"0001111041700\",\"quantity\":1}]}"),
                status);

        String submission = fakes.cartHistory.get(0).id().toString();
        assertThat(problem.path("detail").asText()).contains("unknown", "Check the Kroger cart before retrying", submission);
        assertThat(problem.path("submissionId").asText()).isEqualTo(submission);
    }

    @Test
    void aKeyStillInFlightIs409() {
        fakes.cartFailure = new IdempotencyConflictException();
        JsonNode problem = Json.problem(web.json("POST", "/api/cart", "{\"items\":[{\"upc\":\"1\",\"quantity\":1}]}",
                Map.of("Idempotency-Key", "k-2")), 409);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/idempotency-conflict");
    }

    @Test
    void aKeyReusedWithAnotherBodyIs422() {
        fakes.cartFailure = new IdempotencyKeyReusedException();
        JsonNode problem = Json.problem(web.json("POST", "/api/cart", "{\"items\":[{\"upc\":\"1\",\"quantity\":1}]}",
                Map.of("Idempotency-Key", "k-2")), 422);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/idempotency-key-reused");
        assertThat(problem.path("detail").asText()).contains("different request");
    }

    @Test
    void aBadCartRequestNamesTheField() {
        assertThat(Json.problem(web.json("POST", "/api/cart", "{\"items\":[]}"), 400).path("errors").get(0).path("field")
                .asText()).isEqualTo("items");
        assertThat(Json.problem(web.json("POST", "/api/cart", "{}"), 400).path("errors").get(0).path("field").asText())
                .isEqualTo("$");
        assertThat(Json.problem(web.json("POST", "/api/cart", "{\"items\":[{\"upc\":\"1\",\"quantity\":100}]}"), 400)
                .path("errors").get(0).path("field").asText()).isEqualTo("items[0].quantity");
        assertThat(Json.problem(web.json("POST", "/api/cart", "{\"items\":[{\"upc\":\"1\",\"quantity\":1}]}",
                Map.of("Idempotency-Key", "has space")), 400).path("errors").get(0).path("field").asText())
                .isEqualTo("Idempotency-Key");
        assertThat(fakes.writes).hasValue(0);
    }

    @Test
    void cartHistoryListsSubmissionsNewestFirstWithLowerCaseOutcomes() {
        web.json("POST", "/api/cart", "{\"items\":[{\"upc\":\"0001111041700\",\"quantity\":2}]}");
        fakes.cartOutcome = s -> new FillCart.CartResult(s.failedWith(ProviderFailure.TIMED_OUT, "no answer in 10 s",
                FakeUseCases.NOW), false);
        web.json("POST", "/api/cart", "{\"items\":[{\"upc\":\"0001111041701\",\"quantity\":1}]}");

        JsonNode items = ok(web.get("/api/cart/history"), 200).path("items");

        assertThat(items).hasSize(2);
        assertThat(items.get(0).path("outcome").asText()).isEqualTo("unknown");
        assertThat(items.get(0).path("detail").asText()).isEqualTo("no answer in 10 s");
        assertThat(items.get(1).path("outcome").asText()).isEqualTo("added");
        assertThat(items.get(1).path("items").get(0).path("upc").asText()).isEqualTo("0001111041700");
        assertThat(items.get(1).path("items").get(0).path("quantity").asInt()).isEqualTo(2);
        assertThat(items.get(1).path("submittedAt").asText()).isEqualTo("2026-11-22T10:15:30Z");
    }

    @Test
    void healthProbes() {
        assertThat(web.send(web.request("/health/live").GET().build()).statusCode()).isEqualTo(200);
        assertThat(web.send(web.request("/health/ready").GET().build()).statusCode()).isEqualTo(200);
        fakes.ready = false;
        HttpResponse<String> notReady = web.send(web.request("/health/ready").GET().build());
        assertThat(Json.problem(notReady, 503).path("type").asText()).isEqualTo("/problems/not-ready");
    }

    @Test
    void theApiDocumentIsServed() {
        HttpResponse<String> response = web.send(web.request("/openapi.yaml").GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/yaml"));
        assertThat(response.body()).startsWith("openapi: 3.1");
    }
}
