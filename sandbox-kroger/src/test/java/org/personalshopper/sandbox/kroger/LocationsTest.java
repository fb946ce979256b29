package org.personalshopper.sandbox.kroger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Store search a shopper uses to pick their store, and the store check behind "preferred store". */
class LocationsTest {

    @RegisterExtension
    static final KrogerSandboxExtension sandbox = KrogerSandboxExtension.with(SandboxSettings.defaults());

    private static List<String> storeIds(String query) {
        HttpResponse<String> answer = sandbox.client().get("/v1/locations?" + query, sandbox.appToken());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        sandbox.client().json(answer).get("data").forEach(store -> ids.add(store.get("locationId").asText()));
        return ids;
    }

    private static String reasonOf(String query) {
        HttpResponse<String> answer = sandbox.client().get("/v1/locations?" + query, sandbox.appToken());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        return sandbox.client().json(answer).at("/errors/reason").asText();
    }

    @Test
    void storesNearAZipWithinTheDefaultTenMilesNearestFirst() {
        assertThat(storeIds("filter.zipCode.near=45202")).containsExactly("01400943", "01400376");
    }

    @Test
    void aWiderRadiusReachesFartherStores() {
        assertThat(storeIds("filter.zipCode.near=45202&filter.radiusInMiles=25"))
                .containsExactly("01400943", "01400376", "01400512");
        assertThat(storeIds("filter.zipCode.near=45202&filter.radiusInMiles=1")).containsExactly("01400943");
    }

    @Test
    void limitCapsTheNumberOfStores() {
        assertThat(storeIds("filter.zipCode.near=45202&filter.radiusInMiles=25&filter.limit=1")).containsExactly("01400943");
    }

    @Test
    void aZipWithNoStoresNearOrUnknownGivesAnEmptyList() {
        assertThat(storeIds("filter.zipCode.near=10001")).isEmpty();
        assertThat(storeIds("filter.zipCode.near=99999")).isEmpty();
    }

    @Test
    void coordinatesWorkAsAStartingPoint() {
        assertThat(storeIds("filter.latLong.near=34.05,-118.25")).containsExactly("70300720");
        assertThat(storeIds("filter.lat.near=47.62&filter.lon.near=-122.32")).containsExactly("70500847");
    }

    @Test
    void chainFilterIgnoresCase() {
        assertThat(storeIds("filter.zipCode.near=90015&filter.chain=ralphs")).containsExactly("70300720");
        assertThat(storeIds("filter.zipCode.near=90015&filter.chain=Kroger")).isEmpty();
        assertThat(storeIds("filter.chain=KROGER")).containsExactlyInAnyOrder("01400943", "01400376", "01400512");
        assertThat(storeIds("filter.chain=fred")).containsExactly("70100123");
        assertThat(storeIds("filter.chain=KingSoopers")).containsExactly("62000061");
    }

    @Test
    void departmentFilterKeepsStoresThatHaveThemAll() {
        assertThat(storeIds("filter.zipCode.near=45202&filter.radiusInMiles=25&filter.department=94,09"))
                .containsExactly("01400376", "01400512");
    }

    @Test
    void badFiltersGetKrogersReasons() {
        assertThat(reasonOf("filter.zipCode.near=4520")).isEqualTo("Field 'filter.zipCode.near' must 5 digits");
        assertThat(reasonOf("filter.zipCode.near=45202&filter.radiusInMiles=101"))
                .isEqualTo("Field 'filter.radiusInMiles' outside of distance limits, distance range is 1 - 100 miles.");
        assertThat(reasonOf("filter.zipCode.near=45202&filter.radiusInMiles=0")).contains("radiusInMiles");
        assertThat(reasonOf("filter.zipCode.near=45202&filter.limit=201"))
                .isEqualTo("Field 'limit' must be a number between 1 and 200 (inclusive)");
        assertThat(reasonOf("filter.latLong.near=95,10"))
                .isEqualTo("Field 'filter.latLong.near' improper coordinate location, must be on Earth");
        assertThat(reasonOf("filter.locationId=123")).isEqualTo("Field 'locationId' must have a length of 8 characters");
    }

    @Test
    void chainsAreTheCodesKrogerReturnsNotDisplayNames() {
        Map<String, String> chainOf = new HashMap<>();
        for (String id : List.of("01400943", "70300720", "70100123", "62000061", "09700270")) {
            HttpResponse<String> store = sandbox.client().get("/v1/locations/" + id, sandbox.appToken());
            chainOf.put(id, sandbox.client().json(store).at("/data/chain").asText());
        }

        assertThat(chainOf).containsEntry("01400943", "KROGER").containsEntry("70300720", "RALPHS")
                .containsEntry("70100123", "FRED").containsEntry("62000061", "KINGSOOPERS")
                .containsEntry("09700270", "HARRISTEETER");
        sandbox.client().json(sandbox.client().get("/v1/locations?filter.limit=200", sandbox.appToken())).get("data")
                .forEach(store -> assertThat(store.get("chain").asText()).matches("[A-Z]+"));
    }

    @Test
    void storeDetailsHaveKrogersShape() {
        HttpResponse<String> answer = sandbox.client().get("/v1/locations/01400943", sandbox.appToken());

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode store = sandbox.client().json(answer).get("data");
        assertThat(store.get("storeNumber").asText()).isEqualTo("00943");
        assertThat(store.get("divisionNumber").asText()).isEqualTo("014");
        assertThat(store.get("chain").asText()).isEqualTo("KROGER");
        assertThat(store.at("/address/zipCode").asText()).isEqualTo("45202");
        assertThat(store.at("/address/state").asText()).hasSize(2);
        assertThat(store.at("/geolocation/latLng").asText()).isEqualTo("39.1097,-84.515");
        assertThat(store.at("/hours/monday/open").asText()).matches("\\d\\d:\\d\\d");
        assertThat(store.at("/hours/timezone").asText()).isEqualTo("America/New_York");
        assertThat(store.at("/departments/0/departmentId").asText()).hasSize(2);
    }

    @Test
    void storeDetailsOfABadOrUnknownIdAre400Or404() {
        assertThat(sandbox.client().get("/v1/locations/0140094", sandbox.appToken()).statusCode()).isEqualTo(400);
        assertThat(sandbox.client().get("/v1/locations/01499999", sandbox.appToken()).statusCode()).isEqualTo(404);
    }

    @Test
    void headTellsWhetherAStoreExists() {
        HttpResponse<String> known = sandbox.client().send(HttpRequest.newBuilder(sandbox.client().uri("/v1/locations/70300720"))
                .header("Authorization", "Bearer " + sandbox.appToken()).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        HttpResponse<String> unknown = sandbox.client().send(HttpRequest.newBuilder(sandbox.client().uri("/v1/locations/70399999"))
                .header("Authorization", "Bearer " + sandbox.appToken()).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(known.statusCode()).isEqualTo(204);
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void aShopperTokenFindsStoresToo() {
        SandboxClient.Tokens tokens = sandbox.client().shopperTokens("nora", "profile.compact");

        assertThat(sandbox.client().get("/v1/locations?filter.zipCode.near=97214", tokens.accessToken()).statusCode()).isEqualTo(200);
    }
}
