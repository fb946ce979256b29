package org.personalshopper.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.fakes.FakeClock;
import org.personalshopper.application.fakes.FakeIdentityProvider;
import org.personalshopper.application.fakes.InMemoryConnectionRepository;
import org.personalshopper.application.fakes.InMemoryShopperRepository;
import org.personalshopper.application.fakes.InMemoryTransactions;
import org.personalshopper.application.port.in.ConnectionConflictException;
import org.personalshopper.application.port.in.ListProviders.ProviderOffer;
import org.personalshopper.application.port.in.NotFoundException;
import org.personalshopper.application.port.out.ConfiguredProvider;
import org.personalshopper.domain.Capability;
import org.personalshopper.domain.Connection;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.ShopperId;
import java.util.Optional;

class ManageConnectionsServiceTest {
    private static final Provider KROGERLIKE = new Provider("grocer");
    private static final Provider FOODINLIKE = new Provider("signin");

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryShopperRepository shoppers = new InMemoryShopperRepository(transactions);
    private final InMemoryConnectionRepository connections = new InMemoryConnectionRepository(transactions, shoppers);
    private final FakeClock clock = new FakeClock();
    private final FakeIdentityProvider grocer = new FakeIdentityProvider(KROGERLIKE);
    private final ManageConnectionsService manage = new ManageConnectionsService(shoppers, connections, transactions);

    private ShopperId shopperWith(Provider... providers) {
        ShopperId id = shoppers.create(clock.now()).id();
        for (Provider provider : providers) {
            connections.seed(id, provider, new ProfileId(provider + "-" + id), grocer.issueTokens(clock.now(), Duration.ofMinutes(30)));
        }
        return id;
    }

    @Test
    void disconnectingRemovesThatConnectionOnly() {
        ShopperId shopper = shopperWith(KROGERLIKE, FOODINLIKE);

        manage.disconnect(shopper, FOODINLIKE);

        assertThat(connections.list(shopper)).extracting(Connection::provider).containsExactly(KROGERLIKE);
    }

    @Test
    void theLastConnectionCannotBeRemovedAndAnAbsentOneIsNotFound() {
        ShopperId shopper = shopperWith(KROGERLIKE);

        assertThatThrownBy(() -> manage.disconnect(shopper, KROGERLIKE))
                .isInstanceOfSatisfying(ConnectionConflictException.class,
                        e -> assertThat(e.reason()).isEqualTo(ConnectionConflictException.Reason.LAST_CONNECTION));
        assertThatThrownBy(() -> manage.disconnect(shopper, FOODINLIKE)).isInstanceOf(NotFoundException.class);
        assertThat(connections.list(shopper)).hasSize(1);
    }

    @Test
    void deletingTheAccountTakesTheShopperAndTheirConnections() {
        ShopperId leaving = shopperWith(KROGERLIKE, FOODINLIKE);
        ShopperId staying = shopperWith(KROGERLIKE);

        manage.deleteAccount(leaving);

        assertThat(shoppers.find(leaving)).isEmpty();
        assertThat(connections.list(leaving)).isEmpty();
        assertThat(connections.list(staying)).hasSize(1);
        assertThatThrownBy(() -> manage.deleteAccount(leaving)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theProvidersAreListedInConfigurationOrderWithWhatEachOffers() {
        ListProvidersService list = new ListProvidersService(new ConfiguredProviders(List.of(
                new ConfiguredProvider(grocer, Optional.empty(), Optional.empty(), Optional.of((items, token) -> { })),
                ConfiguredProvider.signInOnly(new FakeIdentityProvider(FOODINLIKE)))));

        assertThat(list.providers()).containsExactly(
                new ProviderOffer(KROGERLIKE, Set.of(Capability.SIGN_IN, Capability.CART)),
                new ProviderOffer(FOODINLIKE, Set.of(Capability.SIGN_IN)));
        assertThatThrownBy(() -> new ConfiguredProviders(List.of(ConfiguredProvider.signInOnly(grocer),
                ConfiguredProvider.signInOnly(new FakeIdentityProvider(KROGERLIKE))))).isInstanceOf(IllegalArgumentException.class);
    }
}
