package org.personalshopper.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.port.out.ShopperRepository;
import org.personalshopper.domain.Shopper;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.StoreLocationId;

/** What every {@code ShopperRepository} must do; run against the in-memory fake and the jOOQ implementation. */
public interface ShopperRepositoryContract extends RepositoryContract {
    ShopperRepository shoppers();

    @Test
    default void aNewShopperIsFoundByIdWithNothingChosenYet() {
        Shopper created = shoppers().create(START);

        assertThat(created.preferredLocation()).isEmpty();
        assertThat(created.createdAt()).isEqualTo(kept(START));
        assertThat(shoppers().find(created.id())).contains(created);
    }

    @Test
    default void everyNewShopperIsAnotherShopper() {
        assertThat(shoppers().create(START).id()).isNotEqualTo(shoppers().create(RepositoryContract.after(Duration.ofSeconds(1))).id());
    }

    @Test
    default void thePreferredStoreIsRemembered() {
        Shopper shopper = shoppers().create(START);
        StoreLocationId store = new StoreLocationId("01400943");

        assertThat(shoppers().setPreferredLocation(shopper.id(), store)).contains(shopper.withPreferredLocation(store));
        assertThat(shoppers().find(shopper.id()).orElseThrow().preferredLocation()).contains(store);
    }

    @Test
    default void settingOneShoppersStoreLeavesOthersAlone() {
        Shopper mine = shoppers().create(START);
        Shopper theirs = shoppers().create(START);

        shoppers().setPreferredLocation(mine.id(), new StoreLocationId("01400943"));

        assertThat(shoppers().find(theirs.id()).orElseThrow().preferredLocation()).isEmpty();
    }

    @Test
    default void aDeletedShopperIsGoneAndOthersStay() {
        Shopper leaving = shoppers().create(START);
        Shopper staying = shoppers().create(START);

        assertThat(shoppers().delete(leaving.id())).isTrue();

        assertThat(shoppers().find(leaving.id())).isEmpty();
        assertThat(shoppers().find(staying.id())).contains(staying);
        assertThat(shoppers().delete(leaving.id())).as("deleting again").isFalse();
        assertThat(shoppers().setPreferredLocation(leaving.id(), new StoreLocationId("01400943"))).isEmpty();
    }

    @Test
    default void deletingAnUnknownShopperChangesNothing() {
        assertThat(shoppers().delete(ShopperId.random())).isFalse();
    }
}
