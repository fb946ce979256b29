package org.personalshopper.application.fakes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.personalshopper.application.port.out.ConnectionSummary;
import org.personalshopper.application.port.out.ShopperRepository;
import org.personalshopper.domain.Shopper;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.StoreLocationId;

/**
 * Shoppers in memory. A delete also runs the hooks other fakes registered ({@link #onDelete}), as the
 * database's ON DELETE CASCADE removes what references the shopper.
 */
public final class InMemoryShopperRepository implements ShopperRepository {
    private final InMemoryTransactions transactions;
    private final Map<ShopperId, Shopper> byId = new ConcurrentHashMap<>();
    private final List<Consumer<ShopperId>> cascades = new CopyOnWriteArrayList<>();
    private volatile Function<ShopperId, List<ConnectionSummary>> connections = id -> List.of();

    public InMemoryShopperRepository(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Shopper create(Instant now) {
        Shopper created = new Shopper(ShopperId.random(), Optional.empty(), now);
        byId.put(created.id(), created);
        transactions.wrote("shoppers.create", () -> byId.remove(created.id()));
        return created;
    }

    @Override
    public Optional<Shopper> find(ShopperId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<ShopperAndConnections> findWithConnections(ShopperId id) {
        return find(id).map(shopper -> new ShopperAndConnections(shopper, connections.apply(id)));
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

    @Override
    public synchronized boolean delete(ShopperId id) {
        Shopper before = byId.remove(id);
        if (before == null) {
            return false;
        }
        cascades.forEach(cascade -> cascade.accept(id));
        transactions.wrote("shoppers.delete", () -> byId.put(id, before));
        return true;
    }

    /** Runs {@code cascade} for every deleted shopper: how another fake forgets what the shopper owned. */
    public void onDelete(Consumer<ShopperId> cascade) {
        cascades.add(cascade);
    }

    /** Where {@link #findWithConnections} reads the connections: the connections fake, as the database's join does. */
    public void connectionsFrom(Function<ShopperId, List<ConnectionSummary>> summaries) {
        connections = summaries;
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
