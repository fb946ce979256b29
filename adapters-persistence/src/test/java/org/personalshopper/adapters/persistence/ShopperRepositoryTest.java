package org.personalshopper.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.contract.ShopperRepositoryContract;
import org.personalshopper.application.port.out.ConnectionRepository;
import org.personalshopper.application.port.out.ShopperRepository;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.StoreLocationId;

/** The jOOQ ShopperRepository against its contract, and what only the database adds. */
class ShopperRepositoryTest extends DatabaseTest implements ShopperRepositoryContract {
    @Override
    public ShopperRepository shoppers() {
        return persistence.shoppers();
    }

    @Override
    public ConnectionRepository connections() {
        return persistence.connections();
    }

    @Test
    void anUnknownShopperIsEmptyNotAnError() {
        ShopperId nobody = ShopperId.random();

        assertThat(shoppers().find(nobody)).isEmpty();
        assertThat(shoppers().setPreferredLocation(nobody, new StoreLocationId("01400943"))).isEmpty();
    }
}
