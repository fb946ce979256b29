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
import static org.personalshopper.adapters.kroger.KrogerTestSupport.assertSafeReason;
import static org.personalshopper.adapters.kroger.KrogerTestSupport.fixture;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.personalshopper.application.port.out.ProductCatalog;
import org.personalshopper.domain.ProductPage;
import org.personalshopper.domain.ProductQuery;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.domain.Fulfillment;
import org.personalshopper.domain.Price;
import org.personalshopper.domain.Product;
import org.personalshopper.domain.ProductId;
import org.personalshopper.domain.ProviderFailure;
import org.personalshopper.domain.StockLevel;
import org.personalshopper.domain.StoreLocationId;
import org.personalshopper.domain.Upc;

class KrogerProductCatalogTest {
    @RegisterExtension
    static WireMockExtension kroger = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final StoreLocationId STORE = new StoreLocationId("01400999");

    private ProductCatalog catalog;

    @BeforeEach
    void connect() {
        catalog = KrogerTestSupport.adapters(kroger.getPort()).productCatalog();
    }

    private String onlyRequestUrl() {
        List<ServeEvent> events = kroger.getAllServeEvents();
        assertThat(events).hasSize(1);
        return events.get(0).getRequest().getUrl();
    }

    @Test
    void searchAtAStoreSendsTermStoreBrandAndLimitButNoStartOnTheFirstPage() {
        kroger.stubFor(get(urlPathEqualTo("/v1/products")).willReturn(okJson(fixture("products-search.json"))));

        catalog.search(new ProductQuery("organic milk", Optional.of(STORE), Optional.of("Sample Farms|Example"), 0, 2),
                APP_TOKEN);

        assertThat(onlyRequestUrl()).isEqualTo("/v1/products?filter.term=organic%20milk&filter.locationId=01400999"
                + "&filter.brand=Sample%20Farms%7CExample&filter.limit=2");
        kroger.verify(getRequestedFor(urlPathEqualTo("/v1/products"))
                .withHeader("Authorization", equalTo("Bearer " + APP_TOKEN.value()))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void aLaterPageWithoutStoreSendsStartAndNoLocation() {
        kroger.stubFor(get(urlPathEqualTo("/v1/products")).willReturn(okJson(fixture("products-search.json"))));

        catalog.search(new ProductQuery("milk", Optional.empty(), Optional.empty(), 20, 10), APP_TOKEN);

        assertThat(onlyRequestUrl()).isEqualTo("/v1/products?filter.term=milk&filter.start=20&filter.limit=10");
    }

    @Test
    void fixtureProductsMapToWhatAShopperChoosesBy() {
        kroger.stubFor(get(urlPathEqualTo("/v1/products")).willReturn(okJson(fixture("products-search.json"))));

        ProductPage page = catalog.search(new ProductQuery("milk", Optional.of(STORE), Optional.empty(), 0, 2),
                APP_TOKEN);

        assertThat(page.start()).isZero();
        assertThat(page.limit()).isEqualTo(2);
        assertThat(page.total()).isEqualTo(41);
        assertThat(page.items()).containsExactly(
                new Product(new ProductId("0001234500017"), new Upc("0001234500017"), "Sample Farms 2% Reduced Fat Milk",
                        Optional.of("Sample Farms"), Optional.of("1 gal"),
                        Optional.of(new Price(new BigDecimal("3.49"), Optional.of(new BigDecimal("2.99")))),
                        Optional.of(new Fulfillment(true, true, true, false)), Optional.of(StockLevel.HIGH),
                        Optional.of(URI.create("https://sandbox.invalid/images/medium/front/0001234500017"))),
                // promo 0 means no sale: dropped, the regular price stays
                new Product(new ProductId("0007890012345"), new Upc("0007890012345"), "Example Creamery Organic Whole Milk",
                        Optional.of("Example Creamery"), Optional.of("half gal"),
                        Optional.of(new Price(new BigDecimal("5.29"), Optional.empty())),
                        Optional.of(new Fulfillment(true, true, true, false)), Optional.of(StockLevel.LOW),
                        Optional.of(URI.create("https://sandbox.invalid/images/medium/front/0007890012345"))));
    }

    @Test
    void withoutAStoreThereIsNoPriceFulfillmentOrStock() {
        kroger.stubFor(get(urlPathEqualTo("/v1/products")).willReturn(okJson("{\"data\":[{\"productId\":\"0001234500017\","
                + "\"upc\":\"0001234500017\",\"description\":\"Milk\",\"items\":[{\"itemId\":\"0001234500017\",\"size\":\"1 gal\"}]}],"
                + "\"meta\":{\"pagination\":{\"start\":0,\"limit\":10,\"total\":1}}}")));

        Product product = catalog.search(new ProductQuery("milk", Optional.empty(), Optional.empty(), 0, 10), APP_TOKEN)
                .items().get(0);

        assertThat(product.size()).contains("1 gal");
        assertThat(product.brand()).isEmpty();
        assertThat(product.price()).isEmpty();
        assertThat(product.fulfillment()).isEmpty();
        assertThat(product.stockLevel()).isEmpty();
        assertThat(product.imageUrl()).isEmpty();
    }

    @Test
    void aPromoAtOrAboveTheRegularPriceIsNoSaleAndAZeroPriceIsNoPrice() {
        kroger.stubFor(get(urlPathEqualTo("/v1/products")).willReturn(okJson("{\"data\":["
                + "{\"productId\":\"0000000000001\",\"upc\":\"0000000000001\",\"description\":\"A\",\"items\":[{\"price\":{\"regular\":2.50,\"promo\":2.50}}]},"
                + "{\"productId\":\"0000000000002\",\"upc\":\"0000000000002\",\"description\":\"B\",\"items\":[{\"price\":{\"regular\":2.50,\"promo\":3.10}}]},"
                + "{\"productId\":\"0000000000003\",\"upc\":\"0000000000003\",\"description\":\"C\",\"items\":[{\"price\":{\"regular\":\"2.50\",\"promo\":\"1.99\"}}]},"
                + "{\"productId\":\"0000000000004\",\"upc\":\"0000000000004\",\"description\":\"D\",\"items\":[{\"price\":{\"regular\":0,\"promo\":0}}]}"
                + "]}")));

        List<Product> items = catalog.search(new ProductQuery("milk", Optional.of(STORE), Optional.empty(), 0, 10),
                APP_TOKEN).items();

        assertThat(items.subList(0, 3)).extracting(p -> p.price().orElseThrow().promo()).containsExactly(
                Optional.empty(), Optional.empty(), Optional.of(new BigDecimal("1.99")));
        // A regular price of 0 is Kroger not knowing the price, not a free product.
        assertThat(items.get(3).price()).isEmpty();
        assertThat(items.get(0).price().orElseThrow().regular()).isEqualByComparingTo("2.50");
    }

    @Test
    void productsLackingIdUpcOrDescriptionAreSkippedAndTheRestKept() {
        kroger.stubFor(get(urlPathEqualTo("/v1/products")).willReturn(okJson("{\"data\":["
                + "{\"upc\":\"0000000000001\",\"description\":\"no id\"},"
                + "{\"productId\":\"0000000000002\",\"description\":\"no upc\"},"
                + "{\"productId\":\"0000000000003\",\"upc\":\"0000000000003\"},"
                + "{\"productId\":\"not-digits\",\"upc\":\"0000000000004\",\"description\":\"bad id\"},"
                + "{\"productId\":\"0000000000005\",\"upc\":\"0000000000005\",\"description\":\"Good\",\"surprise\":{\"new\":1}}"
                + "],\"meta\":{\"pagination\":{\"start\":0,\"limit\":10,\"total\":5}}}")));

        ProductPage page = catalog.search(new ProductQuery("milk", Optional.empty(), Optional.empty(), 0, 10), APP_TOKEN);

        assertThat(page.items()).extracting(Product::description).containsExactly("Good");
        assertThat(page.total()).isEqualTo(5);
    }

    @Test
    void aNumericUpcKeepsItsLeadingZeros() {
        kroger.stubFor(get(urlPathEqualTo("/v1/products")).willReturn(okJson(
                "{\"data\":[{\"productId\":1234500017,\"upc\":1234500017,\"description\":\"Milk\"}]}")));

        Product product = catalog.search(new ProductQuery("milk", Optional.empty(), Optional.empty(), 0, 10), APP_TOKEN)
                .items().get(0);

        assertThat(product.upc()).isEqualTo(new Upc("0001234500017"));
        assertThat(product.productId()).isEqualTo(new ProductId("0001234500017"));
    }

    @Test
    void anEmptySearchIsAnEmptyPage() {
        kroger.stubFor(get(urlPathEqualTo("/v1/products")).willReturn(okJson(
                "{\"data\":[],\"meta\":{\"pagination\":{\"start\":0,\"limit\":10,\"total\":0}}}")));

        ProductPage page = catalog.search(new ProductQuery("zzzzzz", Optional.empty(), Optional.empty(), 0, 10), APP_TOKEN);

        assertThat(page.items()).isEmpty();
        assertThat(page.total()).isZero();
    }

    @Test
    void findAsksForTheProductAtTheStore() {
        String product = "{\"data\":{\"productId\":\"0001234500017\",\"upc\":\"0001234500017\",\"description\":\"Milk\","
                + "\"items\":[{\"price\":{\"regular\":3.49,\"promo\":0},\"inventory\":{\"stockLevel\":\"TEMPORARILY_OUT_OF_STOCK\"}}]},\"meta\":{}}";
        kroger.stubFor(get(urlPathEqualTo("/v1/products/0001234500017")).willReturn(okJson(product)));

        Optional<Product> found = catalog.find(new ProductId("1234500017"), Optional.of(STORE), APP_TOKEN);

        assertThat(onlyRequestUrl()).isEqualTo("/v1/products/0001234500017?filter.locationId=01400999");
        assertThat(found).map(Product::stockLevel).contains(Optional.of(StockLevel.TEMPORARILY_OUT_OF_STOCK));
        assertThat(found).map(Product::price).contains(Optional.of(new Price(new BigDecimal("3.49"), Optional.empty())));
    }

    @Test
    void anUnknownProductIsEmptyNotAnError() {
        kroger.stubFor(get(urlEqualTo("/v1/products/0000000000404")).willReturn(aResponse().withStatus(404)));

        assertThat(catalog.find(new ProductId("0000000000404"), Optional.empty(), APP_TOKEN)).isEmpty();
    }

    @Test
    void aTokenWithoutTheCatalogScopeIsForbiddenAndTheReasonNamesIt() {
        kroger.stubFor(get(urlPathEqualTo("/v1/products")).willReturn(aResponse().withStatus(403)
                .withBody("{\"errors\":{\"timestamp\":1,\"code\":\"Forbidden\",\"reason\":\"missing required scopes\"}}")));

        ProviderException failure = catchThrowableOfType(ProviderException.class, () -> catalog.search(
                new ProductQuery("milk", Optional.empty(), Optional.empty(), 0, 10), APP_TOKEN));

        assertThat(failure.failure()).isEqualTo(ProviderFailure.FORBIDDEN);
        assertThat(failure.reason()).contains("product.compact");
        assertSafeReason(failure);
    }

    @Test
    void invalidParametersAreRejectedWithKrogersReasonButNotItsCode() {
        kroger.stubFor(get(urlPathEqualTo("/v1/products")).willReturn(aResponse().withStatus(400)
                .withBody("{\"errors\":{\"timestamp\":1,\"code\":\"API-4101-400\",\"reason\":\"Field 'locationId' must have a length of 8 characters\"}}")));

        ProviderException failure = catchThrowableOfType(ProviderException.class, () -> catalog.search(
                new ProductQuery("milk", Optional.of(STORE), Optional.empty(), 0, 10), APP_TOKEN));

        assertThat(failure.failure()).isEqualTo(ProviderFailure.REJECTED);
        assertThat(failure.reason()).contains("must have a length of 8 characters").doesNotContain("API-4101-400");
    }

    @Test
    void aSpentQuotaSaysWhenToComeBackFromAnHttpDate() {
        kroger.stubFor(get(urlPathEqualTo("/v1/products")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "Sun, 22 Nov 2026 13:30:00 GMT")));

        ProviderException failure = catchThrowableOfType(ProviderException.class, () -> catalog.search(
                new ProductQuery("milk", Optional.empty(), Optional.empty(), 0, 10), APP_TOKEN));

        assertThat(failure.failure()).isEqualTo(ProviderFailure.RATE_LIMITED);
        assertThat(failure.retryAfter()).contains(Duration.ofMinutes(90));
    }

    @Test
    void aServiceUnavailableIsUnavailable() {
        kroger.stubFor(get(urlPathEqualTo("/v1/products")).willReturn(aResponse().withStatus(503)
                .withBody("{\"errors\":{\"code\":\"PRODUCT-4109-500\",\"reason\":\"Service Unavailable\"}}")));

        ProviderException failure = catchThrowableOfType(ProviderException.class, () -> catalog.search(
                new ProductQuery("milk", Optional.empty(), Optional.empty(), 0, 10), APP_TOKEN));

        assertThat(failure.failure()).isEqualTo(ProviderFailure.UNAVAILABLE);
        assertThat(failure.reason()).contains("Service Unavailable");
    }

    @Test
    void dataThatIsNotAListOfProductsIsABadResponse() {
        kroger.stubFor(get(urlPathEqualTo("/v1/products")).willReturn(okJson("{\"data\":\"oops\"}")));

        ProviderException failure = catchThrowableOfType(ProviderException.class, () -> catalog.search(
                new ProductQuery("milk", Optional.empty(), Optional.empty(), 0, 10), APP_TOKEN));

        assertThat(failure.failure()).isEqualTo(ProviderFailure.BAD_RESPONSE);
    }
}
