package org.personalshopper.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.port.out.ConnectionRepository;
import org.personalshopper.application.port.out.ShopperRepository;
import org.personalshopper.application.port.out.ShopperRepository.ShopperAndConnections;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.TokenSet;
import org.personalshopper.domain.Shopper;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.StoreLocationId;

/** What every {@code ShopperRepository} must do; run against the in-memory fake and the jOOQ implementation. */
public interface ShopperRepositoryContract extends RepositoryContract {
    ShopperRepository shoppers();

    /** The same store's connections: {@link ShopperRepository#findWithConnections} reads them with the shopper. */
    ConnectionRepository connections();

    @Test
    default void theShopperIsReadWithWhatTheirConnectionsSayInOneGo() {
        Shopper shopper = shoppers().create(START);
        assertThat(shoppers().findWithConnections(shopper.id())).contains(new ShopperAndConnections(shopper, List.of()));

        TokenSet kroger = TokenSet.issued(new AccessToken("access-k"), "refresh-k", START, Duration.ofMinutes(30));
        TokenSet foodin = TokenSet.issued(new AccessToken("access-f"), "refresh-f", START.plus(Duration.ofMinutes(1)),
                Duration.ofMinutes(30));
        connections().save(shopper.id(), new Provider("kroger"), new ProfileId("k-" + shopper.id()), kroger);
        connections().save(shopper.id(), new Provider("foodin"), new ProfileId("f-" + shopper.id()), foodin);
        connections().markUnusable(shopper.id(), new Provider("foodin"));
        Shopper other = shoppers().create(START);
        connections().save(other.id(), new Provider("kroger"), new ProfileId("k-" + other.id()), kroger);

        assertThat(shoppers().findWithConnections(shopper.id()))
                .contains(new ShopperAndConnections(shopper, connections().summaries(shopper.id())));
        assertThat(connections().summaries(shopper.id())).hasSize(2);
        assertThat(shoppers().findWithConnections(ShopperId.random())).isEmpty();
    }

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
