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

class ChoosePreferredStoreServiceTest extends ConnectedShopperFixture {
    @Test
    void aStoreTheGrocerDoesNotKnowIsRefusedAndThePreferenceIsUnchanged() {
        choose.choose(shopper.id(), HOME_STORE);

        assertThatThrownBy(() -> choose.choose(shopper.id(), OTHER_STORE)).isInstanceOf(UnknownStoreException.class);
        assertThat(shoppers.find(shopper.id()).orElseThrow().preferredLocation()).contains(HOME_STORE);
    }
    @Test
    void aStoreTheGrocerKnowsBecomesThePreferredStore() {
        StoreChosen after = choose.choose(shopper.id(), HOME_STORE);

        assertThat(after.shopper().preferredLocation()).contains(HOME_STORE);
        assertThat(shoppers.find(shopper.id()).orElseThrow().preferredLocation()).contains(HOME_STORE);
        assertThat(stores.tokensUsed()).containsExactly(grocer.lastIssuedAccessToken());
    }
    @Test
    void whenTheGrocerIsDownThePreferenceIsUnchangedAndTheFailureReported() {
        choose.choose(shopper.id(), HOME_STORE);
        stores.add(store(OTHER_STORE, "45040"));
        stores.failNextCall(new ProviderException(ProviderFailure.UNAVAILABLE, "503"));

        assertThatThrownBy(() -> choose.choose(shopper.id(), OTHER_STORE))
                .isInstanceOfSatisfying(ProviderFailedException.class, e -> assertThat(e.failure()).isEqualTo(ProviderFailure.UNAVAILABLE));
        assertThat(shoppers.find(shopper.id()).orElseThrow().preferredLocation()).contains(HOME_STORE);
    }
}
