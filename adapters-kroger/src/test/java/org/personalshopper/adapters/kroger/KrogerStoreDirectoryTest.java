package org.personalshopper.adapters.kroger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.personalshopper.adapters.kroger.KrogerTestSupport.APP_TOKEN;
import static org.personalshopper.adapters.kroger.KrogerTestSupport.fixture;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.application.port.out.StoreDirectory;
import org.personalshopper.domain.StoreQuery;
import org.personalshopper.domain.Address;
import org.personalshopper.domain.GeoPoint;
import org.personalshopper.domain.ProviderFailure;
import org.personalshopper.domain.Store;
import org.personalshopper.domain.StoreLocationId;

class KrogerStoreDirectoryTest {
    @RegisterExtension
    static WireMockExtension kroger = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final Store EXAMPLE_HEIGHTS = new Store(new StoreLocationId("01400999"), "KROGER",
            "Kroger Example Heights",
            new Address("100 Sample Parkway", Optional.empty(), "Exampleton", "OH", "45999"),
            Optional.of(new GeoPoint(39.1201, -84.5102)), Optional.of("5135550142"));
    private static final Store SAMPLE_BEACH = new Store(new StoreLocationId("70300888"), "RALPHS",
            "Ralphs Sample Beach",
            new Address("2200 Fictional Avenue", Optional.empty(), "Sample Beach", "CA", "90999"),
            Optional.of(new GeoPoint(33.8501, -118.3902)), Optional.of("3105550188"));

    private StoreDirectory stores;

    @BeforeEach
    void connect() {
        stores = KrogerTestSupport.adapters(kroger.getPort()).storeDirectory();
    }

    private String onlyRequestUrl() {
        List<ServeEvent> events = kroger.getAllServeEvents();
        assertThat(events).hasSize(1);
        return events.get(0).getRequest().getUrl();
    }

    @Test
    void searchNearAZipCodeSendsZipRadiusLimitAndChain() {
        kroger.stubFor(get(urlPathEqualTo("/v1/locations")).willReturn(okJson(fixture("locations-search.json"))));

        stores.search(new StoreQuery(Optional.of("45999"), Optional.empty(), 10, 2, Optional.of("Kroger")), APP_TOKEN);

        assertThat(onlyRequestUrl()).isEqualTo(
                "/v1/locations?filter.zipCode.near=45999&filter.radiusInMiles=10&filter.limit=2&filter.chain=Kroger");
        kroger.verify(getRequestedFor(urlPathEqualTo("/v1/locations"))
                .withHeader("Authorization", equalTo("Bearer " + APP_TOKEN.value()))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void searchNearAPointSendsLatLongAsPlainDecimals() {
        kroger.stubFor(get(urlPathEqualTo("/v1/locations")).willReturn(okJson(fixture("locations-search.json"))));

        stores.search(new StoreQuery(Optional.empty(), Optional.of(new GeoPoint(39.1201, -84.0001)), 25, 10,
                Optional.empty()), APP_TOKEN);

        assertThat(onlyRequestUrl()).isEqualTo(
                "/v1/locations?filter.latLong.near=39.1201%2C-84.0001&filter.radiusInMiles=25&filter.limit=10");
        kroger.verify(getRequestedFor(urlPathEqualTo("/v1/locations"))
                .withQueryParam("filter.latLong.near", equalTo("39.1201,-84.0001")));
    }

    @Test
    void fixtureLocationsMapToStores() {
        kroger.stubFor(get(urlPathEqualTo("/v1/locations")).willReturn(okJson(fixture("locations-search.json"))));

        List<Store> found = stores.search(
                new StoreQuery(Optional.of("45999"), Optional.empty(), 10, 2, Optional.empty()), APP_TOKEN);

        assertThat(found).containsExactly(EXAMPLE_HEIGHTS, SAMPLE_BEACH);
    }

    @Test
    void locationsWithoutIdOrNameAreSkippedAndMissingDetailsStayEmpty() {
        kroger.stubFor(get(urlPathEqualTo("/v1/locations")).willReturn(okJson("{\"data\":["
                + "{\"name\":\"no id\"},{\"locationId\":\"0140\",\"name\":\"short id\"},{\"locationId\":\"01400001\"},"
                + "{\"locationId\":\"01400002\",\"name\":\"Bare\",\"geolocation\":{\"latLng\":\"39.5,-84.25\"},\"phone\":\"\"}]}")));

        List<Store> found = stores.search(
                new StoreQuery(Optional.of("45999"), Optional.empty(), 10, 10, Optional.empty()), APP_TOKEN);

        assertThat(found).containsExactly(new Store(new StoreLocationId("01400002"), "", "Bare",
                new Address("", Optional.empty(), "", "", ""), Optional.of(new GeoPoint(39.5, -84.25)), Optional.empty()));
    }

    @Test
    void findGivesTheStore() {
        String one = "{\"data\":{\"locationId\":\"01400999\",\"chain\":\"KROGER\",\"name\":\"Kroger Example Heights\","
                + "\"phone\":\"5135550142\",\"address\":{\"addressLine1\":\"100 Sample Parkway\",\"city\":\"Exampleton\","
                + "\"county\":\"HAMILTON\",\"state\":\"OH\",\"zipCode\":\"45999\"},"
                + "\"geolocation\":{\"latitude\":39.1201,\"longitude\":-84.5102,\"latLng\":\"39.1201,-84.5102\"}},\"meta\":{}}";
        kroger.stubFor(get(urlEqualTo("/v1/locations/01400999")).willReturn(okJson(one)));

        assertThat(stores.find(new StoreLocationId("01400999"), APP_TOKEN)).contains(EXAMPLE_HEIGHTS);
    }

    @Test
    void anUnknownStoreIsEmptyNotAnError() {
        kroger.stubFor(get(urlEqualTo("/v1/locations/01499999")).willReturn(aResponse().withStatus(404)));

        assertThat(stores.find(new StoreLocationId("01499999"), APP_TOKEN)).isEmpty();
    }

    @Test
    void anInvalidSearchIsRejectedWithKrogersReason() {
        kroger.stubFor(get(urlPathEqualTo("/v1/locations")).willReturn(aResponse().withStatus(400)
                .withBody("{\"errors\":{\"timestamp\":1,\"code\":\"API-4101-400\",\"reason\":\"Field 'filter.zipCode.near' must 5 digits\"}}")));

        ProviderException failure = catchThrowableOfType(ProviderException.class, () -> stores.search(
                new StoreQuery(Optional.of("45999"), Optional.empty(), 10, 10, Optional.empty()), APP_TOKEN));

        assertThat(failure.failure()).isEqualTo(ProviderFailure.REJECTED);
        assertThat(failure.reason()).contains("must 5 digits");
    }
}
