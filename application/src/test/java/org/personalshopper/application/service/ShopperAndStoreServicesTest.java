package org.personalshopper.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.fakes.FakeClock;
import org.personalshopper.application.fakes.FakeIdentityProvider;
import org.personalshopper.application.fakes.FakeProductCatalog;
import org.personalshopper.application.fakes.FakeStorageHealth;
import org.personalshopper.application.fakes.FakeStoreDirectory;
import org.personalshopper.application.fakes.InMemoryShopperRepository;
import org.personalshopper.application.fakes.InMemoryTokenRepository;
import org.personalshopper.application.fakes.InMemoryTransactions;
import org.personalshopper.application.port.in.NotFoundException;
import org.personalshopper.application.port.in.UnknownStoreException;
import org.personalshopper.application.port.in.ViewShopper.ShopperView;
import org.personalshopper.application.port.out.ProductPage;
import org.personalshopper.application.port.out.ProductQuery;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.application.port.out.StoreQuery;
import org.personalshopper.domain.Address;
import org.personalshopper.domain.Price;
import org.personalshopper.domain.Product;
import org.personalshopper.domain.ProductId;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.ProviderFailure;
import org.personalshopper.domain.Shopper;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.Store;
import org.personalshopper.domain.StoreLocationId;
import org.personalshopper.domain.TokenSet;
import org.personalshopper.domain.Upc;

/** Viewing the shopper, choosing a store, searching the catalog and stores, readiness. */
class ShopperAndStoreServicesTest {
    private static final StoreLocationId HOME_STORE = new StoreLocationId("01400943");
    private static final StoreLocationId OTHER_STORE = new StoreLocationId("01400376");

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryShopperRepository shoppers = new InMemoryShopperRepository(transactions);
    private final InMemoryTokenRepository tokens = new InMemoryTokenRepository(transactions);
    private final FakeClock clock = new FakeClock();
    private final FakeIdentityProvider grocer = new FakeIdentityProvider();
    private final FakeStoreDirectory stores = new FakeStoreDirectory();
    private final FakeProductCatalog catalog = new FakeProductCatalog();
    private final AppTokens appTokens = new AppTokens(grocer, clock);
    private final RefreshTokenService refresh = new RefreshTokenService(grocer, tokens, transactions, clock);
    private final ViewShopperService view = new ViewShopperService(shoppers, refresh);
    private final ChoosePreferredStoreService choose = new ChoosePreferredStoreService(shoppers, stores, appTokens, refresh);
    private final SearchProductsService search = new SearchProductsService(shoppers, catalog, appTokens);
    private final FindStoresService findStores = new FindStoresService(stores, appTokens);
    private Shopper shopper;
    private TokenSet signedIn;

    @BeforeEach
    void aConnectedShopper() {
        shopper = shoppers.seed(new Shopper(ShopperId.random(), new Provider("testgrocer"), new ProfileId("profile-1"),
                Optional.empty(), clock.now()));
        signedIn = grocer.issueTokens(clock.now(), Duration.ofMinutes(30));
        tokens.seed(shopper.id(), signedIn);
        stores.add(store(HOME_STORE, "45044"));
        catalog.add(new Product(new ProductId("0001111041700"), new Upc("0001111041700"), "Kroger 2% Reduced Fat Milk",
                Optional.of("Kroger"), Optional.of("1 gal"), Optional.of(new Price(new BigDecimal("3.49"), Optional.empty())),
                Optional.empty(), Optional.empty(), Optional.empty()));
    }

    private static Store store(StoreLocationId id, String zip) {
        return new Store(id, "KROGER", "Kroger Store " + id, new Address("1 Main St", Optional.empty(), "Mason", "OH", zip),
                Optional.empty(), Optional.empty());
    }

    @Test
    void viewingTheShopperShowsTheConnection() {
        ShopperView seen = view.view(shopper.id());
        assertThat(seen.shopper()).isEqualTo(shopper);
        assertThat(seen.connection().connected()).isTrue();
        assertThat(seen.connection().accessTokenExpiresAt()).contains(signedIn.accessTokenExpiresAt());

        assertThatThrownBy(() -> view.view(ShopperId.random())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aStoreTheGrocerKnowsBecomesThePreferredStore() {
        ShopperView after = choose.choose(shopper.id(), HOME_STORE);

        assertThat(after.shopper().preferredLocation()).contains(HOME_STORE);
        assertThat(shoppers.find(shopper.id()).orElseThrow().preferredLocation()).contains(HOME_STORE);
        assertThat(stores.tokensUsed()).containsExactly(grocer.lastIssuedAccessToken());
    }

    @Test
    void aStoreTheGrocerDoesNotKnowIsRefusedAndThePreferenceIsUnchanged() {
        choose.choose(shopper.id(), HOME_STORE);

        assertThatThrownBy(() -> choose.choose(shopper.id(), OTHER_STORE)).isInstanceOf(UnknownStoreException.class);
        assertThat(shoppers.find(shopper.id()).orElseThrow().preferredLocation()).contains(HOME_STORE);
    }

    @Test
    void whenTheGrocerIsDownThePreferenceIsUnchangedAndTheFailureReported() {
        choose.choose(shopper.id(), HOME_STORE);
        stores.add(store(OTHER_STORE, "45040"));
        stores.failNextCall(new ProviderException(ProviderFailure.UNAVAILABLE, "503"));

        assertThatThrownBy(() -> choose.choose(shopper.id(), OTHER_STORE))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.failure()).isEqualTo(ProviderFailure.UNAVAILABLE));
        assertThat(shoppers.find(shopper.id()).orElseThrow().preferredLocation()).contains(HOME_STORE);
    }

    @Test
    void productSearchUsesThePreferredStoreWhenNoneIsGiven() {
        choose.choose(shopper.id(), HOME_STORE);

        ProductPage page = search.search(shopper.id(), new ProductQuery("milk", Optional.empty(), Optional.empty(), 0, 10));

        assertThat(page.items()).hasSize(1);
        assertThat(catalog.searches().get(0).locationId()).contains(HOME_STORE);
    }

    @Test
    void productSearchKeepsAGivenStoreAndGoesWithoutOneWhenNoneIsKnown() {
        choose.choose(shopper.id(), HOME_STORE);
        search.search(shopper.id(), new ProductQuery("milk", Optional.of(OTHER_STORE), Optional.empty(), 0, 10));
        assertThat(catalog.searches().get(0).locationId()).contains(OTHER_STORE);

        Shopper noStore = shoppers.seed(new Shopper(ShopperId.random(), new Provider("testgrocer"), new ProfileId("profile-2"),
                Optional.empty(), clock.now()));
        search.search(noStore.id(), new ProductQuery("milk", Optional.empty(), Optional.empty(), 0, 10));
        assertThat(catalog.searches().get(1).locationId()).isEmpty();
    }

    @Test
    void findingAProductUsesThePreferredStoreAndAnUnknownProductIsNotFound() {
        choose.choose(shopper.id(), HOME_STORE);

        Product milk = search.find(shopper.id(), new ProductId("0001111041700"), Optional.empty());

        assertThat(milk.description()).contains("Milk");
        assertThat(catalog.lookups().get(0).locationId()).contains(HOME_STORE);
        assertThatThrownBy(() -> search.find(shopper.id(), new ProductId("42"), Optional.empty()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void catalogAndStoreCallsShareOneCachedAppToken() {
        search.search(shopper.id(), new ProductQuery("milk", Optional.empty(), Optional.empty(), 0, 10));
        List<Store> found = findStores.find(new StoreQuery(Optional.of("45044"), Optional.empty(), 10, 10, Optional.empty()));

        assertThat(found).extracting(Store::locationId).containsExactly(HOME_STORE);
        assertThat(grocer.appTokenCalls()).isEqualTo(1);
        assertThat(grocer.refreshCalls()).isZero();
    }

    @Test
    void readinessFollowsTheDatabase() {
        FakeStorageHealth storage = new FakeStorageHealth();
        CheckReadinessService readiness = new CheckReadinessService(storage);
        assertThat(readiness.ready()).isTrue();
        storage.setAnswers(false);
        assertThat(readiness.ready()).isFalse();
    }
}
