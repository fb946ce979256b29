package org.personalshopper.adapters.persistence;

import org.personalshopper.domain.TokenSet;
import org.personalshopper.domain.AccessToken;
import java.time.Duration;
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

    @Test
    void aStoredPreferredStoreTheDomainRefusesIsOurFaultNotTheShoppersInput() throws Exception {
        ShopperId shopper = newShopperId();
        shoppers().setPreferredLocation(shopper, new StoreLocationId("01400943"));
        // varchar(8) takes what the domain's 8 letters or digits do not
        rawUpdate("update shopper set preferred_location_id = ? where id = ?", "Pr1v@te", shopper.value());

        assertStoredRowRefused(() -> shoppers().findWithConnections(shopper), "shopper", "locationId", "Pr1v@te");
        assertStoredRowRefused(() -> shoppers().find(shopper), "shopper", "locationId", "Pr1v@te");
    }

    @Test
    void aStoredConnectionTheDomainRefusesFailsTheShoppersReadAsOurFault() throws Exception {
        ShopperId shopper = newShopperId();
        connections().save(shopper, KROGER, new ProfileId("profile-" + UUID.randomUUID()),
                TokenSet.issued(new AccessToken("access"), "refresh", T0, Duration.ofMinutes(30)));
        // a profile id is visible ASCII: a space is not
        rawUpdate("update shopper_connection set profile_id = ? where shopper_id = ?", "Private Person", shopper.value());

        assertStoredRowRefused(() -> shoppers().findWithConnections(shopper), "shopper_connection", "profileId", "Private");
    }
}
