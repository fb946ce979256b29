package org.personalshopper.application.fakes;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.personalshopper.application.port.out.ShopperTokens;
import org.personalshopper.application.port.out.TokenRepository;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.TokenSet;

/**
 * Tokens in memory with a real per-shopper row lock: {@link #findForUpdate} (and any write inside a
 * transaction) holds the shopper's lock until the transaction ends, as {@code SELECT ... FOR UPDATE} does.
 * Several service instances sharing one of these behave like instances sharing one database.
 */
public final class InMemoryTokenRepository implements TokenRepository {
    private final InMemoryTransactions transactions;
    private final Map<ShopperId, ShopperTokens> rows = new ConcurrentHashMap<>();
    private final Map<ShopperId, ReentrantLock> rowLocks = new ConcurrentHashMap<>();
    private final AtomicInteger saves = new AtomicInteger();

    public InMemoryTokenRepository(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void save(ShopperId shopperId, TokenSet tokens) {
        lockRow(shopperId, false);
        ShopperTokens before = rows.put(shopperId, new ShopperTokens(shopperId, tokens, true));
        saves.incrementAndGet();
        transactions.wrote("tokens.save", () -> restore(shopperId, before));
    }

    @Override
    public Optional<ShopperTokens> find(ShopperId shopperId) {
        return Optional.ofNullable(rows.get(shopperId));
    }

    @Override
    public Optional<ShopperTokens> findForUpdate(ShopperId shopperId) {
        lockRow(shopperId, true);
        return find(shopperId);
    }

    @Override
    public void markUnusable(ShopperId shopperId) {
        lockRow(shopperId, false);
        ShopperTokens before = rows.get(shopperId);
        if (before != null) {
            rows.put(shopperId, new ShopperTokens(shopperId, before.tokens(), false));
        }
        transactions.wrote("tokens.markUnusable", () -> restore(shopperId, before));
    }

    /** Stores tokens for a test without logging a write. */
    public void seed(ShopperId shopperId, TokenSet tokens) {
        rows.put(shopperId, new ShopperTokens(shopperId, tokens, true));
    }

    public int saves() {
        return saves.get();
    }

    private void restore(ShopperId shopperId, ShopperTokens before) {
        if (before == null) {
            rows.remove(shopperId);
        } else {
            rows.put(shopperId, before);
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
