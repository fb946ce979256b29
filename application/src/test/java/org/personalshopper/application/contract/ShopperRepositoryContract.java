package org.personalshopper.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.personalshopper.application.contract.RepositoryContract.after;

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

/** What every {@code ShopperRepository} must do; run against the in-memory fake and the jOOQ implementation. */
public interface ShopperRepositoryContract extends RepositoryContract {
    ShopperRepository shoppers();

    Provider PROVIDER = new Provider("kroger");

    private Shopper newShopper() {
        return shoppers().findOrCreate(PROVIDER, new ProfileId(UUID.randomUUID().toString()), START);
    }

    @Test
    default void theFirstSignInCreatesTheShopperAndLaterOnesFindTheSameOne() {
        ProfileId profile = new ProfileId(UUID.randomUUID().toString());

        Shopper first = shoppers().findOrCreate(PROVIDER, profile, START);
        Shopper again = shoppers().findOrCreate(PROVIDER, profile, after(Duration.ofDays(3)));

        assertThat(first.provider()).isEqualTo(PROVIDER);
        assertThat(first.profileId()).isEqualTo(profile);
        assertThat(first.preferredLocation()).isEmpty();
        assertThat(first.createdAt()).isEqualTo(kept(START));
        assertThat(again).isEqualTo(first);
        assertThat(shoppers().find(first.id())).contains(first);
    }

    @Test
    default void theSameProfileAtAnotherProviderIsAnotherShopper() {
        ProfileId profile = new ProfileId(UUID.randomUUID().toString());

        Shopper atKroger = shoppers().findOrCreate(PROVIDER, profile, START);
        Shopper elsewhere = shoppers().findOrCreate(new Provider("other-grocer"), profile, START);

        assertThat(elsewhere.id()).isNotEqualTo(atKroger.id());
    }

    @Test
    default void thePreferredStoreIsRemembered() {
        Shopper shopper = newShopper();
        StoreLocationId store = new StoreLocationId("01400943");

        assertThat(shoppers().setPreferredLocation(shopper.id(), store)).contains(shopper.withPreferredLocation(store));
        assertThat(shoppers().find(shopper.id()).orElseThrow().preferredLocation()).contains(store);
    }

    @Test
    default void settingOneShoppersStoreLeavesOthersAlone() {
        Shopper mine = newShopper();
        Shopper theirs = newShopper();

        shoppers().setPreferredLocation(mine.id(), new StoreLocationId("01400943"));

        assertThat(shoppers().find(theirs.id()).orElseThrow().preferredLocation()).isEmpty();
    }
}
