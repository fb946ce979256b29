package org.personalshopper.application.fakes;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.personalshopper.application.port.out.ShopperRepository;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.Shopper;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.StoreLocationId;

public final class InMemoryShopperRepository implements ShopperRepository {
    private final InMemoryTransactions transactions;
    private final Map<ShopperId, Shopper> byId = new ConcurrentHashMap<>();

    public InMemoryShopperRepository(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public synchronized Shopper findOrCreate(Provider provider, ProfileId profileId, Instant now) {
        Optional<Shopper> existing = byId.values().stream()
                .filter(s -> s.provider().equals(provider) && s.profileId().equals(profileId))
                .findFirst();
        if (existing.isPresent()) {
            transactions.wrote("shoppers.findOrCreate", () -> { });
            return existing.get();
        }
        Shopper created = new Shopper(ShopperId.random(), provider, profileId, Optional.empty(), now);
        byId.put(created.id(), created);
        transactions.wrote("shoppers.findOrCreate", () -> byId.remove(created.id()));
        return created;
    }

    @Override
    public Optional<Shopper> find(ShopperId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<Shopper> setPreferredLocation(ShopperId id, StoreLocationId location) {
        Shopper before = byId.get(id);
        if (before == null) {
            return Optional.empty();
        }
        Shopper after = before.withPreferredLocation(location);
        byId.put(id, after);
        transactions.wrote("shoppers.setPreferredLocation", () -> byId.put(id, before));
        return Optional.of(after);
    }

    /** Puts a shopper in place for a test, outside any transaction log. */
    public Shopper seed(Shopper shopper) {
        byId.put(shopper.id(), shopper);
        return shopper;
    }

    public int count() {
        return byId.size();
    }
}
