package org.personalshopper.sandbox.kroger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Product search and details as a shopper's app sees them, with and without a store. */
class ProductsTest {

    private static final String VINE_STREET = "01400943";
    private static final String OAKLEY = "01400376";
    private static final String FRED_MEYER = "70100123";
    @RegisterExtension
    static final KrogerSandboxExtension sandbox = KrogerSandboxExtension.with(SandboxSettings.defaults());

    private static JsonNode search(String query) {
        HttpResponse<String> answer = sandbox.client().get("/v1/products?" + query, sandbox.appToken());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return sandbox.client().json(answer);
    }

    private static List<String> descriptions(JsonNode body) {
        List<String> descriptions = new ArrayList<>();
        body.get("data").forEach(p -> descriptions.add(p.get("description").asText()));
        return descriptions;
    }

    private static JsonNode errorOf(String query) {
        HttpResponse<String> answer = sandbox.client().get("/v1/products?" + query, sandbox.appToken());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        JsonNode errors = sandbox.client().json(answer).get("errors");
        assertThat(errors.get("code").asText()).isEqualTo("API-4101-400");
        return errors;
    }

    @Test
    void withoutAStoreProductsComeWithoutPriceStockOrAisle() {
        JsonNode body = search("filter.term=milk");

        assertThat(body.get("data").size()).isGreaterThanOrEqualTo(4);
        for (JsonNode product : body.get("data")) {
            assertThat(product.get("productId").asText()).matches("\\d{13}").isEqualTo(product.get("upc").asText());
            assertThat(product.get("brand").asText()).isNotBlank();
            assertThat(product.get("categories").size()).isPositive();
            JsonNode item = product.get("items").get(0);
            assertThat(item.get("size").asText()).isNotBlank();
            assertThat(item.has("price")).isFalse();
            assertThat(item.has("fulfillment")).isFalse();
            assertThat(item.has("inventory")).isFalse();
            assertThat(product.has("aisleLocations")).isFalse();
        }
    }

    @Test
    void productImagesAreServedByTheSandboxItself() {
        JsonNode product = search("filter.productId=0001111041700").get("data").get(0);
        JsonNode image = product.get("images").get(0);
        assertThat(image.get("perspective").asText()).isEqualTo("front");
        List<String> sizes = new ArrayList<>();
        image.get("sizes").forEach(s -> sizes.add(s.get("size").asText()));
        assertThat(sizes).containsExactly("thumbnail", "small", "medium", "large", "xlarge");

        String url = image.get("sizes").get(2).get("url").asText();
        assertThat(url).startsWith(sandbox.baseUri().toString() + "/sandbox/images/");
        HttpResponse<String> svg = sandbox.client().get(url.substring(sandbox.baseUri().toString().length()));

        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
        assertThat(svg.body()).startsWith("<svg").contains("Kroger 2% Reduced Fat Milk");
    }

    @Test
    void atAStoreProductsHavePricesAndTheyDifferBetweenStores() {
        JsonNode vine = search("filter.term=milk&filter.locationId=" + VINE_STREET);
        JsonNode oakley = search("filter.term=milk&filter.locationId=" + OAKLEY);

        Map<String, Double> vinePrices = new HashMap<>();
        for (JsonNode product : vine.get("data")) {
            JsonNode item = product.get("items").get(0);
            assertThat(item.at("/price/regular").asDouble()).isPositive();
            assertThat(item.at("/price").has("promo")).isTrue();
            // The live spelling (camelCase), not the spec's instore/shiptohome.
            assertThat(item.at("/fulfillment/inStore").asBoolean()).isTrue();
            assertThat(item.get("fulfillment").has("shipToHome")).isTrue();
            assertThat(item.get("fulfillment").has("instore")).isFalse();
            assertThat(item.get("fulfillment").has("shiptohome")).isFalse();
            assertThat(item.at("/inventory/stockLevel").asText()).isIn("HIGH", "LOW", "TEMPORARILY_OUT_OF_STOCK");
            assertThat(product.at("/aisleLocations/0/description").asText()).startsWith("Aisle ");
            vinePrices.put(product.get("productId").asText(), item.at("/price/regular").asDouble());
        }
        boolean someDiffer = false;
        for (JsonNode product : oakley.get("data")) {
            Double atVine = vinePrices.get(product.get("productId").asText());
            someDiffer |= atVine != null && atVine != product.at("/items/0/price/regular").asDouble();
        }
        assertThat(someDiffer).as("some milk costs differently at two stores").isTrue();
        assertThat(search("filter.term=milk&filter.locationId=" + VINE_STREET)).isEqualTo(vine);
    }

    @Test
    void termMatchesWordsOfDescriptionBrandAndCategoryIgnoringCaseAndPlural() {
        assertThat(descriptions(search("filter.term=BANANA")))
                .containsExactly("Fresh Bananas", "Simple Truth Organic Bananas");
        // Every word must match; "organic" also matches the "Natural & Organic" category.
        assertThat(descriptions(search("filter.term=organic%20milk"))).containsExactly(
                "Simple Truth Organic Whole Milk", "Horizon Organic 2% Reduced Fat Milk",
                "Silk Original Unsweetened Almond Milk");
        assertThat(descriptions(search("filter.term=coffee&filter.limit=50"))).hasSize(4);
        assertThat(search("filter.term=caviar").get("data").size()).isZero();
    }

    @Test
    void brandFilterIsCaseSensitiveAndTakesSeveralBrands() {
        assertThat(descriptions(search("filter.brand=Barilla"))).hasSize(2);
        assertThat(descriptions(search("filter.brand=barilla"))).isEmpty();
        assertThat(descriptions(search("filter.brand=Barilla%7CRao's%20Homemade"))).hasSize(3);
        assertThat(descriptions(search("filter.brand=Kroger&filter.term=milk")))
                .containsExactly("Kroger 2% Reduced Fat Milk", "Kroger Vitamin D Whole Milk");
    }

    @Test
    void productIdsFetchExactlyThoseProducts() {
        JsonNode body = search("filter.productId=0001111060933,0007680850001&filter.term=ignored");

        assertThat(descriptions(body)).containsExactly("Kroger Grade A Large White Eggs", "Barilla Spaghetti Pasta");
    }

    @Test
    void aStoreOnlyListsWhatItCarries() {
        assertThat(descriptions(search("filter.term=tillamook&filter.locationId=" + FRED_MEYER))).hasSize(1);
        assertThat(descriptions(search("filter.term=tillamook&filter.locationId=" + VINE_STREET))).isEmpty();
        assertThat(descriptions(search("filter.term=tillamook"))).hasSize(1);
    }

    @Test
    void anUnknownStoreCarriesNothing() {
        JsonNode body = search("filter.term=milk&filter.locationId=99999999");

        assertThat(body.get("data").size()).isZero();
        assertThat(body.at("/meta/pagination/total").asInt()).isZero();
    }

    @Test
    void pagesDoNotOverlapAndReportTheTotal() {
        JsonNode first = search("filter.term=organic&filter.limit=3");
        JsonNode second = search("filter.term=organic&filter.limit=3&filter.start=3");

        assertThat(first.at("/meta/pagination/start").asInt()).isZero();
        assertThat(first.at("/meta/pagination/limit").asInt()).isEqualTo(3);
        assertThat(first.at("/meta/pagination/total").asInt()).isGreaterThan(6)
                .isEqualTo(second.at("/meta/pagination/total").asInt());
        assertThat(second.at("/meta/pagination/start").asInt()).isEqualTo(3);
        assertThat(descriptions(first)).hasSize(3).doesNotContainAnyElementsOf(descriptions(second));
        assertThat(descriptions(second)).hasSize(3);
        assertThat(search("filter.term=milk").at("/meta/pagination/limit").asInt()).isEqualTo(10);
    }

    @Test
    void badFiltersGetKrogersValidationErrors() {
        assertThat(errorOf("filter.term=mi").get("reason").asText()).contains("term").contains("3");
        assertThat(errorOf("filter.term=milk&filter.locationId=0140094").get("reason").asText())
                .isEqualTo("Field 'locationId' must have a length of 8 characters");
        assertThat(errorOf("filter.term=milk&filter.limit=51").get("reason").asText()).contains("limit");
        assertThat(errorOf("filter.term=milk&filter.limit=0").get("reason").asText()).contains("limit");
        assertThat(errorOf("filter.term=milk&filter.limit=ten").get("reason").asText()).contains("limit");
        assertThat(errorOf("filter.term=milk&filter.start=251").get("reason").asText()).contains("start");
        // Kroger's spec gives filter.start the range 1-250: the first page is asked for by leaving it out.
        assertThat(errorOf("filter.term=milk&filter.start=0").get("reason").asText())
                .isEqualTo("Field 'start' must be a number between 1 and 250 (inclusive)");
        assertThat(errorOf("filter.locationId=01400943").get("reason").asText()).contains("filter.term");
        assertThat(errorOf("filter.productId=123").get("reason").asText()).contains("13");
        assertThat(errorOf("filter.term=milk&filter.fulfillment=xyz").get("reason").asText()).contains("fulfillment");
    }

    @Test
    void detailsOfOneProductWithAndWithoutAStore() {
        HttpResponse<String> plain = sandbox.client().get("/v1/products/0001111041700", sandbox.appToken());
        HttpResponse<String> atStore = sandbox.client().get("/v1/products/0001111041700?filter.locationId=" + VINE_STREET, sandbox.appToken());

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(sandbox.client().json(plain).at("/data/productId").asText()).isEqualTo("0001111041700");
        assertThat(sandbox.client().json(plain).at("/data/items/0").has("price")).isFalse();
        assertThat(sandbox.client().json(plain).get("meta").isObject()).isTrue();
        assertThat(sandbox.client().json(atStore).at("/data/items/0/price/regular").asDouble()).isPositive();
    }

    @Test
    void detailsOfABadOrUnknownIdAre400Or404() {
        HttpResponse<String> shortId = sandbox.client().get("/v1/products/123", sandbox.appToken());
        HttpResponse<String> unknown = sandbox.client().get("/v1/products/0000000000001", sandbox.appToken());

        assertThat(shortId.statusCode()).isEqualTo(400);
        assertThat(sandbox.client().json(shortId).at("/errors/reason").asText()).isEqualTo("UPC must have a length of 13 characters");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void aShopperTokenWithProductScopeSearchesToo() {
        SandboxClient.Tokens tokens = sandbox.client().shopperTokens("mia", SandboxClient.ALL_SCOPES);

        assertThat(sandbox.client().get("/v1/products?filter.term=eggs", tokens.accessToken()).statusCode()).isEqualTo(200);
    }
}
