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

class FindStoresServiceTest extends ConnectedShopperFixture {
    @Test
    void catalogAndStoreCallsShareOneCachedAppToken() {
        search.search(shopper.id(), new ProductQuery("milk", Optional.empty(), Optional.empty(), 0, 10));
        List<Store> found = findStores.find(new StoreQuery(Optional.of("45044"), Optional.empty(), 10, 10, Optional.empty()));

        assertThat(found).extracting(Store::locationId).containsExactly(HOME_STORE);
        assertThat(grocer.appTokenCalls()).isEqualTo(1);
        assertThat(grocer.refreshCalls()).isZero();
    }
}
