package org.personalshopper.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.personalshopper.adapters.web.support.FakeListUseCases;
import org.personalshopper.adapters.web.support.FakeUseCases;
import org.personalshopper.adapters.web.support.Json;
import org.personalshopper.adapters.web.support.WebServer;
import org.personalshopper.application.port.in.ListAlreadySentException;
import org.personalshopper.application.port.in.ManageShoppingLists;
import org.personalshopper.application.port.in.NoPreferredStoreException;
import org.personalshopper.application.port.in.NothingToSendException;
import org.personalshopper.application.port.in.ProviderFailedException;
import org.personalshopper.application.port.in.UnknownProductException;
import org.personalshopper.domain.Modality;
import org.personalshopper.domain.ProductId;
import org.personalshopper.domain.ProviderFailure;
import org.personalshopper.domain.Quantity;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.ShoppingList;
import org.personalshopper.domain.ShoppingListItem;

/** /api/lists: the shapes a client reads, the validation it gets, and every list outcome as HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListsHttpTest {
    private final WebServer web = WebServer.standard();
    private final FakeListUseCases lists = web.lists;

    @BeforeEach
    void reset() {
        web.fakes.reset();
        lists.reset();
    }

    @AfterAll
    void stop() {
        web.close();
    }

    private static JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return Json.parse(response.body());
    }

    private JsonNode weeklyList() {
        return ok(web.json("POST", "/api/lists", "{\"name\":\" Weekly shop \",\"items\":[{\"text\":\"milk\",\"quantity\":2},"
                + "{\"text\":\"eggs\"},{\"text\":\"coffee\",\"note\":\"the dark roast\"}]}"), 201);
    }

    @Test
    void aListIsCreatedWithItsItemsAndReadBack() {
        HttpResponse<String> created = web.json("POST", "/api/lists", "{\"name\":\"Weekly shop\",\"items\":[{\"text\":\"milk\",\"quantity\":2}]}");
        JsonNode list = ok(created, 201);
        String id = list.path("id").asText();

        assertThat(created.headers().firstValue("Location")).contains("/api/lists/" + id);
        assertThat(list.path("name").asText()).isEqualTo("Weekly shop");
        assertThat(list.path("items").get(0).path("text").asText()).isEqualTo("milk");
        assertThat(list.path("items").get(0).path("quantity").asInt()).isEqualTo(2);
        assertThat(list.path("items").get(0).path("checked").asBoolean()).isFalse();
        assertThat(ok(web.get("/api/lists/" + id), 200).path("id").asText()).isEqualTo(id);
        assertThat(ok(web.get("/api/lists"), 200).path("items")).hasSize(1);
    }

    @Test
    void itemsAreAddedChangedAndRemoved() {
        String id = weeklyList().path("id").asText();
        HttpResponse<String> added = web.json("POST", "/api/lists/" + id + "/items", "{\"text\":\"2 lb chicken thighs\"}");
        JsonNode item = ok(added, 201);
        String itemId = item.path("id").asText();
        assertThat(item.path("quantity").asInt()).isEqualTo(1);
        assertThat(added.headers().firstValue("Location")).contains("/api/lists/" + id + "/items/" + itemId);

        JsonNode changed = ok(web.json("PATCH", "/api/lists/" + id + "/items/" + itemId, "{\"checked\":true,\"quantity\":3}"), 200);
        assertThat(changed.path("checked").asBoolean()).isTrue();
        assertThat(changed.path("quantity").asInt()).isEqualTo(3);
        assertThat(changed.path("text").asText()).isEqualTo("2 lb chicken thighs");

        assertThat(ok(web.json("PATCH", "/api/lists/" + id, "{\"name\":\"Saturday\"}"), 200).path("name").asText()).isEqualTo("Saturday");
        assertThat(web.send(web.signedIn("/api/lists/" + id + "/items/" + itemId).DELETE().build()).statusCode()).isEqualTo(204);
        assertThat(ok(web.get("/api/lists/" + id), 200).path("items")).hasSize(3);
        assertThat(web.send(web.signedIn("/api/lists/" + id).DELETE().build()).statusCode()).isEqualTo(204);
        Json.problem(web.get("/api/lists/" + id), 404);
    }

    @Test
    void badInputNamesEveryWrongFieldAndChangesNothing() {
        JsonNode problem = Json.problem(web.json("POST", "/api/lists", "{\"name\":\"\",\"items\":[{\"quantity\":0},{\"text\":\"x\","
                + "\"note\":\"" + "n".repeat(201) + "\"}]}"), 400);
        assertThat(problem.path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("name", "items[0].text", "items[0].quantity", "items[1].note");
        Json.problem(web.json("POST", "/api/lists", "{\"name\":\"x\",\"owner\":\"someone\"}"), 400);
        Json.problem(web.json("POST", "/api/lists", "{\"name\":\"x\",\"items\":[" + "{\"text\":\"a\"},".repeat(50) + "{\"text\":\"b\"}]}"), 400);
        String id = weeklyList().path("id").asText();
        String itemId = ok(web.get("/api/lists/" + id), 200).path("items").get(0).path("id").asText();
        Json.problem(web.json("PATCH", "/api/lists/" + id + "/items/" + itemId, "{}"), 400);
        Json.problem(web.json("PATCH", "/api/lists/" + id + "/items/" + itemId, "{\"quantity\":100}"), 400);
        Json.problem(web.json("PUT", "/api/lists/" + id + "/items/" + itemId + "/choice", "{\"productId\":\"milk\"}"), 400);
        Json.problem(web.json("POST", "/api/lists/" + id + "/cart", "{\"modality\":\"DRONE\"}"), 400);
        assertThat(lists.lists.values()).hasSize(1);
        assertThat(lists.choices).isEmpty();
        assertThat(lists.sends).isEmpty();
    }

    @Test
    void anotherShoppersListAnUnknownOneAndAMalformedIdAreAll404() {
        ShoppingList theirs = lists.create(new ManageShoppingLists.CreateList(ShopperId.random(), "Theirs", List.of(
                new ManageShoppingLists.NewItem(new ShoppingListItem("milk"), new Quantity(1), Optional.empty()))));
        String itemId = theirs.items().get(0).id().toString();
        for (String path : List.of("/api/lists/" + theirs.id(), "/api/lists/" + UUID.randomUUID(), "/api/lists/not-an-id")) {
            Json.problem(web.get(path), 404);
            Json.problem(web.json("POST", path + "/plan", "{}"), 404);
            Json.problem(web.json("POST", path + "/items", "{\"text\":\"eggs\"}"), 404);
            Json.problem(web.json("PUT", path + "/items/" + itemId + "/choice", "{\"productId\":\"1\"}"), 404);
            Json.problem(web.json("POST", path + "/cart", "{}"), 404);
        }
        assertThat(lists.list(theirs.shopperId(), theirs.id()).items()).hasSize(1);
    }

    @Test
    void aPlanSaysPerItemWhatIsProposedWithScoresAndReasons() {
        String id = weeklyList().path("id").asText();
        HttpResponse<String> answer = web.send(web.signedIn("/api/lists/" + id + "/plan").POST(HttpRequest.BodyPublishers.noBody()).build());
        JsonNode plan = ok(answer, 200);

        assertThat(plan.path("complete").asBoolean()).isTrue();
        assertThat(plan.path("pickedBy").asText()).isEqualTo("rules");
        JsonNode milk = plan.path("items").get(0);
        assertThat(milk.path("text").asText()).isEqualTo("milk");
        assertThat(milk.path("status").asText()).isEqualTo("proposed");
        JsonNode candidate = milk.path("candidates").get(0);
        assertThat(candidate.path("productId").asText()).isEqualTo("0001111041700");
        assertThat(candidate.path("price").path("promo").decimalValue()).isEqualByComparingTo("2.55");
        assertThat(candidate.path("score").asInt()).isEqualTo(58);
        assertThat(candidate.path("reasons").get(1).asText()).isEqualTo("on sale: $2.55 instead of $3.19");
    }

    @Test
    void planningWithoutAStoreIs409SayingToChooseOne() {
        String id = weeklyList().path("id").asText();
        lists.planFailure = new NoPreferredStoreException();
        JsonNode problem = Json.problem(web.json("POST", "/api/lists/" + id + "/plan", "{}"), 409);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/no-preferred-store");
        assertThat(problem.path("detail").asText()).contains("choose your store");
    }

    @Test
    void confirmingAPickSavesItForTheItem() {
        JsonNode list = weeklyList();
        String id = list.path("id").asText();
        String itemId = list.path("items").get(0).path("id").asText();

        JsonNode choice = ok(web.json("PUT", "/api/lists/" + id + "/items/" + itemId + "/choice", "{\"productId\":\"0001111041700\"}"), 200);

        assertThat(choice.path("itemId").asText()).isEqualTo(itemId);
        assertThat(choice.path("item").asText()).isEqualTo("milk");
        assertThat(choice.path("upc").asText()).isEqualTo("0001111041700");
        assertThat(lists.choices).singleElement().satisfies(c -> assertThat(c.productId()).isEqualTo(new ProductId("0001111041700")));
        assertThat(web.send(web.signedIn("/api/lists/" + id + "/items/" + itemId + "/choice").DELETE().build()).statusCode()).isEqualTo(204);

        lists.chooseFailure = new UnknownProductException(new ProductId("42"));
        assertThat(Json.problem(web.json("PUT", "/api/lists/" + id + "/items/" + itemId + "/choice", "{\"productId\":\"42\"}"), 422)
                .path("type").asText()).isEqualTo("/problems/unknown-product");
        lists.chooseFailure = new ProviderFailedException(ProviderFailure.RATE_LIMITED, "quota", Optional.empty(), null);
        HttpResponse<String> busy = web.json("PUT", "/api/lists/" + id + "/items/" + itemId + "/choice", "{\"productId\":\"42\"}");
        Json.problem(busy, 503);
        assertThat(busy.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void sendingAListSaysWhatWentAndWhatHadNoPick() {
        String id = weeklyList().path("id").asText();

        JsonNode sent = ok(web.json("POST", "/api/lists/" + id + "/cart", "{\"modality\":\"delivery\"}",
                Map.of("Idempotency-Key", "weekly-1")), 200);

        assertThat(sent.path("outcome").asText()).isEqualTo("added");
        assertThat(sent.path("sent").findValuesAsText("text")).containsExactly("milk");
        assertThat(sent.path("notSent").findValuesAsText("text")).containsExactly("eggs", "coffee");
        assertThat(lists.sends).singleElement().satisfies(s -> {
            assertThat(s.modality()).isEqualTo(Modality.DELIVERY);
            assertThat(s.again()).isFalse();
            assertThat(s.idempotencyKey()).isPresent();
        });
        HttpResponse<String> noBody = web.send(web.signedIn("/api/lists/" + id + "/cart").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(noBody.statusCode()).as(noBody.body()).isEqualTo(200);
        ok(web.json("POST", "/api/lists/" + id + "/cart", "{\"again\":true}"), 200);
        assertThat(lists.sends.get(2).again()).isTrue();
    }

    @Test
    void theUnchangedListSentTwiceOrAListWithoutPicksIs409() {
        String id = weeklyList().path("id").asText();
        lists.sendFailure = new ListAlreadySentException();
        JsonNode twice = Json.problem(web.json("POST", "/api/lists/" + id + "/cart", "{}"), 409);
        assertThat(twice.path("type").asText()).isEqualTo("/problems/list-already-sent");
        assertThat(twice.path("detail").asText()).contains("again");

        lists.sendFailure = new NothingToSendException();
        assertThat(Json.problem(web.json("POST", "/api/lists/" + id + "/cart", "{}"), 409).path("type").asText())
                .isEqualTo("/problems/nothing-to-send");
    }

    @Test
    void listsNeedASessionAndForeignOriginsCannotChangeThem() {
        HttpResponse<String> anonymous = web.send(web.request("/api/lists").GET().build());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> foreign = web.json("POST", "/api/lists", "{\"name\":\"x\"}", Map.of("Origin", "https://evil.example"));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(lists.lists).isEmpty();
        assertThat(FakeUseCases.SHOPPER).isNotNull();
    }
}
