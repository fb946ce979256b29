package org.personalshopper.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.port.out.ShopperRepository;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.Shopper;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.StoreLocationId;

class ShopperRepositoryTest extends DatabaseTest {
    private ShopperRepository shoppers() {
        return persistence.shoppers();
    }

    @Test
    void theFirstSignInCreatesTheShopperAndLaterOnesFindTheSameOne() {
        ProfileId profile = new ProfileId(UUID.randomUUID().toString());

        Shopper first = shoppers().findOrCreate(KROGER, profile, T0);
        Shopper again = shoppers().findOrCreate(KROGER, profile, at(Duration.ofDays(3)));

        assertThat(first.provider()).isEqualTo(KROGER);
        assertThat(first.profileId()).isEqualTo(profile);
        assertThat(first.preferredLocation()).isEmpty();
        assertThat(first.createdAt()).isEqualTo(micros(T0));
        assertThat(again).isEqualTo(first);
        assertThat(shoppers().find(first.id())).contains(first);
    }

    @Test
    void theSameProfileAtAnotherProviderIsAnotherShopper() {
        ProfileId profile = new ProfileId(UUID.randomUUID().toString());

        Shopper atKroger = shoppers().findOrCreate(KROGER, profile, T0);
        Shopper elsewhere = shoppers().findOrCreate(new Provider("other-grocer"), profile, T0);

        assertThat(elsewhere.id()).isNotEqualTo(atKroger.id());
    }

    @Test
    void twentyFirstSignInsRacingForOneProfileEndWithOneShopper() throws Exception {
        ProfileId profile = new ProfileId(UUID.randomUUID().toString());

        List<ShopperId> ids = race(20, i -> shoppers().findOrCreate(KROGER, profile, T0).id());

        assertThat(ids).hasSize(20).containsOnly(ids.get(0));
        assertThat(rawColumn("select id from shopper where profile_id = ?", profile.value())).hasSize(1);
    }

    @Test
    void thePreferredStoreIsRemembered() {
        Shopper shopper = newShopper();
        StoreLocationId store = new StoreLocationId("01400943");

        assertThat(shoppers().setPreferredLocation(shopper.id(), store)).contains(shopper.withPreferredLocation(store));
        assertThat(shoppers().find(shopper.id()).orElseThrow().preferredLocation()).contains(store);
    }

    @Test
    void anUnknownShopperIsEmptyNotAnError() {
        ShopperId nobody = ShopperId.random();

        assertThat(shoppers().find(nobody)).isEmpty();
        assertThat(shoppers().setPreferredLocation(nobody, new StoreLocationId("01400943"))).isEmpty();
    }

    @Test
    void settingOneShoppersStoreLeavesOthersAlone() {
        Shopper mine = newShopper();
        Shopper theirs = newShopper();

        shoppers().setPreferredLocation(mine.id(), new StoreLocationId("01400943"));

        assertThat(shoppers().find(theirs.id()).orElseThrow().preferredLocation()).isEmpty();
    }
}
