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
import org.personalshopper.application.fakes.FakeCart;
import org.personalshopper.application.fakes.InMemoryConnectionRepository;
import org.personalshopper.application.port.out.ConfiguredProvider;
import org.personalshopper.application.port.out.ProviderRegistry;
import org.personalshopper.domain.Capability;
import java.util.List;
import org.personalshopper.application.fakes.InMemoryTransactions;
import org.personalshopper.application.port.in.NotFoundException;
import org.personalshopper.application.port.in.UnknownStoreException;
import org.personalshopper.application.port.in.ChoosePreferredStore.StoreChosen;
import org.personalshopper.application.port.in.ProviderFailedException;
import org.personalshopper.application.port.in.ViewShopper.ShopperView;
import org.personalshopper.domain.ProductPage;
import org.personalshopper.domain.ProductQuery;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.domain.StoreQuery;
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

/** A signed-in shopper with a store and a product at the provider: the set-up the shopper and store services share. */
abstract class ConnectedShopperFixture {
    static final StoreLocationId HOME_STORE = new StoreLocationId("01400943");
    static final StoreLocationId OTHER_STORE = new StoreLocationId("01400376");

    final InMemoryTransactions transactions = new InMemoryTransactions();
    final InMemoryShopperRepository shoppers = new InMemoryShopperRepository(transactions);
    final InMemoryConnectionRepository tokens = new InMemoryConnectionRepository(transactions, shoppers);
    final FakeClock clock = new FakeClock();
    final FakeIdentityProvider grocer = new FakeIdentityProvider();
    final FakeStoreDirectory stores = new FakeStoreDirectory();
    final FakeProductCatalog catalog = new FakeProductCatalog();
    final ProviderRegistry providers = new ConfiguredProviders(List.of(new ConfiguredProvider(grocer,
            Optional.of(catalog), Optional.of(stores), Optional.of(new FakeCart()))));
    final AppTokens appTokens = new AppTokens(grocer, clock);
    final FreshAccessTokens refresh = new FreshAccessTokens(providers, tokens, transactions, clock);
    final ViewShopperService view = new ViewShopperService(shoppers);
    final ChoosePreferredStoreService choose = new ChoosePreferredStoreService(shoppers,
            AppAccess.of(Capability.STORES, stores, appTokens), refresh);
    final SearchProductsService search = new SearchProductsService(shoppers, AppAccess.of(Capability.CATALOG, catalog, appTokens));
    final FindStoresService findStores = new FindStoresService(AppAccess.of(Capability.STORES, stores, appTokens));
    Shopper shopper;
    TokenSet signedIn;

    @BeforeEach
    void aConnectedShopper() {
        shopper = shoppers.seed(new Shopper(ShopperId.random(), Optional.empty(), clock.now()));
        signedIn = grocer.issueTokens(clock.now(), Duration.ofMinutes(30));
        tokens.seed(shopper.id(), grocer.provider(), new ProfileId("profile-1"), signedIn);
        stores.add(store(HOME_STORE, "45044"));
        catalog.add(new Product(new ProductId("0001111041700"), new Upc("0001111041700"), "Kroger 2% Reduced Fat Milk",
                Optional.of("Kroger"), Optional.of("1 gal"), Optional.of(new Price(new BigDecimal("3.49"), Optional.empty())),
                Optional.empty(), Optional.empty(), Optional.empty()));
    }

    static Store store(StoreLocationId id, String zip) {
        return new Store(id, "KROGER", "Kroger Store " + id, new Address("1 Main St", Optional.empty(), "Mason", "OH", zip),
                Optional.empty(), Optional.empty());
    }

}
