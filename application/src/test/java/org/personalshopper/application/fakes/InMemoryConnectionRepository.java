package org.personalshopper.application.fakes;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.personalshopper.application.port.out.ConnectionRepository;
import org.personalshopper.application.port.out.ConnectionSummary;
import org.personalshopper.domain.Connection;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.Session;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.TokenSet;

/**
 * Connections in memory with a real per-shopper lock: {@link #findForUpdate} (and any write inside a
 * transaction) holds the shopper's lock until the transaction ends, as the jOOQ implementation's row locks
 * do. Several service instances sharing one of these behave like instances sharing one database.
 */
public final class InMemoryConnectionRepository implements ConnectionRepository {
    private record Key(ShopperId shopperId, Provider provider) {
    }

    private final InMemoryTransactions transactions;
    private final Map<Key, Connection> rows = new ConcurrentHashMap<>();
    private final Map<ShopperId, ReentrantLock> rowLocks = new ConcurrentHashMap<>();
    private final AtomicInteger saves = new AtomicInteger();
    /** Where {@link #renewWithSession} starts its sessions; null: a fake made without them refuses that call. */
    private InMemorySessionRepository sessions;
    /** Run once at the start of the next {@link #renewWithSession}: what another request does meanwhile. */
    private volatile Runnable beforeNextRenewal = () -> { };

    public InMemoryConnectionRepository(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    /** Connections go with their shopper, as ON DELETE CASCADE does. */
    public InMemoryConnectionRepository(InMemoryTransactions transactions, InMemoryShopperRepository shoppers) {
        this(transactions);
        shoppers.onDelete(id -> rows.keySet().removeIf(key -> key.shopperId().equals(id)));
        shoppers.connectionsFrom(this::summaries);
    }

    /** As above, with the sessions {@link #renewWithSession} creates in the same step. */
    public InMemoryConnectionRepository(InMemoryTransactions transactions, InMemoryShopperRepository shoppers,
                                        InMemorySessionRepository sessions) {
        this(transactions, shoppers);
        this.sessions = sessions;
    }

    /** The sessions {@link #renewWithSession} creates, for a fake made without a shopper repository. */
    public InMemoryConnectionRepository withSessions(InMemorySessionRepository sessions) {
        this.sessions = sessions;
        return this;
    }

    @Override
    public Optional<ShopperId> owner(Provider provider, ProfileId profileId) {
        return rows.values().stream()
                .filter(c -> c.provider().equals(provider) && c.profileId().equals(profileId))
                .map(Connection::shopperId)
                .findFirst();
    }

    @Override
    public synchronized boolean save(ShopperId shopperId, Provider provider, ProfileId profileId, TokenSet tokens) {
        lockRow(shopperId, false);
        Optional<ShopperId> owner = owner(provider, profileId);
        if (owner.isPresent() && !owner.get().equals(shopperId)) {
            return false;
        }
        Key key = new Key(shopperId, provider);
        Connection before = rows.get(key);
        Instant connectedAt = before != null && before.profileId().equals(profileId) ? before.connectedAt() : tokens.issuedAt();
        rows.put(key, new Connection(shopperId, provider, profileId, tokens, true, connectedAt));
        saves.incrementAndGet();
        transactions.wrote("connections.save", () -> restore(key, before));
        return true;
    }

    /** One transaction (as the database's one implicit transaction): the renewal, then the session, or neither. */
    @Override
    public boolean renewWithSession(ShopperId shopperId, Provider provider, ProfileId profileId, TokenSet tokens,
                                    Session session, int keepSessions) {
        if (sessions == null) {
            throw new IllegalStateException("this fake was made without sessions: pass them to renew with a session");
        }
        if (!session.shopperId().equals(shopperId)) {
            throw new IllegalArgumentException("the session must be the shopper's whose account is renewed");
        }
        if (keepSessions < 1) {
            throw new IllegalArgumentException("keepSessions must be at least 1: the new session stays");
        }
        Runnable meanwhile = beforeNextRenewal;
        beforeNextRenewal = () -> { };
        meanwhile.run();
        return transactions.inTransaction(() -> {
            lockRow(shopperId, false);
            Key key = new Key(shopperId, provider);
            Connection before = rows.get(key);
            if (before == null || !before.profileId().equals(profileId)) {
                return false;
            }
            rows.put(key, new Connection(shopperId, provider, profileId, tokens, true, before.connectedAt()));
            saves.incrementAndGet();
            transactions.wrote("connections.renewWithSession", () -> restore(key, before));
            sessions.createKeepingNewest(session, keepSessions);
            return true;
        });
    }

    @Override
    public void saveTokens(ShopperId shopperId, Provider provider, TokenSet tokens) {
        lockRow(shopperId, false);
        Key key = new Key(shopperId, provider);
        Connection before = rows.get(key);
        if (before == null) {
            return;
        }
        rows.put(key, new Connection(shopperId, provider, before.profileId(), tokens, true, before.connectedAt()));
        saves.incrementAndGet();
        transactions.wrote("connections.saveTokens", () -> restore(key, before));
    }

    @Override
    public Optional<Connection> find(ShopperId shopperId, Provider provider) {
        return Optional.ofNullable(rows.get(new Key(shopperId, provider)));
    }

    @Override
    public Optional<Connection> findForUpdate(ShopperId shopperId, Provider provider) {
        lockRow(shopperId, true);
        return find(shopperId, provider);
    }

    @Override
    public List<Connection> list(ShopperId shopperId) {
        return rows.values().stream()
                .filter(c -> c.shopperId().equals(shopperId))
                .sorted(Comparator.comparing(Connection::connectedAt).thenComparing(c -> c.provider().name()))
                .toList();
    }

    @Override
    public List<ConnectionSummary> summaries(ShopperId shopperId) {
        return list(shopperId).stream()
                .map(c -> new ConnectionSummary(c.provider(), c.profileId(), c.usable(), c.tokens().accessTokenExpiresAt()))
                .toList();
    }

    @Override
    public void markUnusable(ShopperId shopperId, Provider provider) {
        lockRow(shopperId, false);
        Key key = new Key(shopperId, provider);
        Connection before = rows.get(key);
        if (before != null) {
            rows.put(key, new Connection(shopperId, provider, before.profileId(), before.tokens(), false, before.connectedAt()));
        }
        transactions.wrote("connections.markUnusable", () -> restore(key, before));
    }

    @Override
    public boolean delete(ShopperId shopperId, Provider provider) {
        lockRow(shopperId, false);
        Key key = new Key(shopperId, provider);
        Connection before = rows.remove(key);
        transactions.wrote("connections.delete", () -> restore(key, before));
        return before != null;
    }

    /** Lets a test change the store right before the next {@link #renewWithSession}, as a concurrent request could. */
    public void beforeNextRenewal(Runnable meanwhile) {
        this.beforeNextRenewal = meanwhile;
    }

    /** Connects an account for a test without logging a write. */
    public void seed(ShopperId shopperId, Provider provider, ProfileId profileId, TokenSet tokens) {
        rows.put(new Key(shopperId, provider), new Connection(shopperId, provider, profileId, tokens, true, tokens.issuedAt()));
    }

    public int saves() {
        return saves.get();
    }

    private void restore(Key key, Connection before) {
        if (before == null) {
            rows.remove(key);
        } else {
            rows.put(key, before);
        }
    }

    private void lockRow(ShopperId shopperId, boolean requireTransaction) {
        ReentrantLock lock = rowLocks.computeIfAbsent(shopperId, id -> new ReentrantLock());
        if (!transactions.active()) {
            if (requireTransaction) {
                throw new IllegalStateException("findForUpdate must run inside a transaction");
            }
            lock.lock(); // a write outside a transaction still waits for the row, then commits at once
            lock.unlock();
            return;
        }
        if (lock.isHeldByCurrentThread()) {
            return;
        }
        lock.lock();
        transactions.atEnd(lock::unlock);
    }
}
