package org.personalshopper.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The personal shopper's job in demo mode, against the Kroger sandbox: a five-item list with guidance is
 * planned, picks are confirmed, the list goes to the sandbox cart once, and the next list reuses the picks
 * without a search. Kroger calls are counted through the sandbox's usage page.
 */
class ListsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STORE = "01400943";

    @TempDir
    static Path dataDir;

    private static ServiceUnderTest service;
    private static Browser browser;

    @BeforeAll
    static void start() {
        service = ServiceUnderTest.start(dataDir, Map.of());
        browser = service.newBrowser();
        SandboxConsent.signIn(browser, "list-shopper");
        assertThat(browser.put("/api/user/location", "{\"locationId\":\"" + STORE + "\"}").statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode newList(String name, List<String> items) {
        String body = items.stream().map(i -> "{\"text\":\"" + i + "\"}").collect(Collectors.joining(",", "{\"name\":\"" + name + "\",\"items\":[", "]}"));
        return json(browser.post("/api/lists", body), 201);
    }

    private static JsonNode plan(String listId) {
        return json(browser.post("/api/lists/" + listId + "/plan", "{}"), 200);
    }

    /** Product searches the sandbox has answered so far. */
    private static long productCalls() {
        return json(browser.get(service.service().sandbox().orElseThrow().baseUri().resolve("/sandbox/usage").toString()), 200)
                .path("products").path("calls").asLong();
    }

    private static JsonNode item(JsonNode plan, String text) {
        for (JsonNode item : plan.path("items")) {
            if (item.path("text").asText().equals(text)) {
                return item;
            }
        }
        throw new AssertionError(text + " not in " + plan);
    }

    @Test
    void aFiveItemListIsPlannedConfirmedSentOnceAndItsPicksReusedByTheNextList() {
        json(browser.post("/api/guidance", "{\"text\":\"prefer organic\"}"), 201);
        json(browser.post("/api/guidance", "{\"text\":\"no pork\"}"), 201);
        JsonNode list = newList("Weekly", List.of("milk", "eggs", "bacon", "coffee", "bread"));
        String listId = list.path("id").asText();

        long before = productCalls();
        JsonNode plan = plan(listId);
        assertThat(productCalls() - before).as("one search per item").isEqualTo(5);

        JsonNode milk = item(plan, "milk");
        assertThat(milk.path("status").asText()).isEqualTo("proposed");
        assertThat(milk.path("candidates").size()).isBetween(1, 3);
        assertThat(milk.path("candidates").get(0).path("description").asText()).containsIgnoringCase("organic");
        assertThat(milk.path("candidates").get(0).path("reasons").toString()).contains("matches your guidance 'prefer organic'");
        JsonNode bacon = item(plan, "bacon");
        assertThat(bacon.path("status").asText()).isEqualTo("no-match");
        assertThat(bacon.path("reason").asText()).contains("'no pork'");
        assertThat(plan.toString()).doesNotContainIgnoringCase("pork bacon");

        List<String> confirmed = new ArrayList<>();
        for (JsonNode item : plan.path("items")) {
            if (item.path("status").asText().equals("proposed")) {
                String productId = item.path("candidates").get(0).path("productId").asText();
                json(browser.put("/api/lists/" + listId + "/items/" + item.path("itemId").asText() + "/choice",
                        "{\"productId\":\"" + productId + "\"}"), 200);
                confirmed.add(item.path("text").asText());
            }
        }
        assertThat(confirmed).contains("milk", "eggs", "coffee", "bread");

        JsonNode sent = json(browser.post("/api/lists/" + listId + "/cart", "{}"), 200);
        assertThat(sent.path("sent").findValuesAsText("text")).containsExactlyElementsOf(confirmed);
        assertThat(sent.path("notSent").findValuesAsText("text")).containsExactly("bacon");
        String profile = service.service().sandbox().orElseThrow().baseUri()
                .resolve("/sandbox/carts/" + org.personalshopper.sandbox.kroger.KrogerSandbox.profileIdOf("list-shopper")).toString();
        assertThat(json(browser.get(profile), 200).path("items").size()).isEqualTo(confirmed.size());

        HttpResponse<String> twice = browser.post("/api/lists/" + listId + "/cart", "{}");
        assertThat(twice.statusCode()).as(twice.body()).isEqualTo(409);
        assertThat(twice.body()).contains("/problems/list-already-sent");
        assertThat(json(browser.get(profile), 200).path("items").size()).isEqualTo(confirmed.size());
        assertThat(json(browser.get("/api/cart/history"), 200).path("items").size()).isEqualTo(1);

        JsonNode next = newList("Next week", List.of("Milk", "eggs"));
        long beforeNext = productCalls();
        JsonNode reused = plan(next.path("id").asText());
        assertThat(productCalls()).as("confirmed picks need no search").isEqualTo(beforeNext);
        assertThat(reused.path("items").findValuesAsText("status")).containsExactly("chosen", "chosen");
    }

    @Test
    void aThirtyItemListCostsOneSearchPerDistinctItemColdAndNoneWarm() {
        List<String> items = IntStream.range(0, 30).mapToObj(i -> "grocery item " + i).toList();
        String listId = newList("Thirty", items).path("id").asText();

        long start = productCalls();
        plan(listId);
        long cold = productCalls() - start;
        plan(listId);
        long warm = productCalls() - start - cold;

        System.out.printf("Planning a 30-item list: %d Kroger product searches cold, %d warm%n", cold, warm);
        assertThat(cold).isEqualTo(30);
        assertThat(warm).isZero();
    }

    @Test
    void krogersRateLimitMidPlanGivesAPartialPlanNamingTheItemsNotSearched() {
        String listId = newList("Busy day", List.of("cheddar cheese", "greek yogurt", "sourdough bread", "rolled oats",
                "marinara sauce", "frozen peas", "chicken noodle soup", "almond milk")).path("id").asText();
        service.service().sandbox().orElseThrow().faults().failNext("/v1/products", 1, 429);

        JsonNode plan = plan(listId);

        assertThat(plan.path("complete").asBoolean()).isFalse();
        List<JsonNode> unsearched = new ArrayList<>();
        plan.path("items").forEach(i -> {
            if (i.path("status").asText().equals("not-searched")) {
                unsearched.add(i);
            }
        });
        assertThat(unsearched).isNotEmpty().allSatisfy(i -> assertThat(i.path("reason").asText()).contains("quota"));
        assertThat(plan.path("items").size()).isEqualTo(8);

        JsonNode later = plan(listId);
        assertThat(later.path("complete").asBoolean()).as("searched once the quota is back").isTrue();
    }
}
