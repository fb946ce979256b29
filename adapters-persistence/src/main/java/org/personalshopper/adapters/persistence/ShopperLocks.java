package org.personalshopper.adapters.persistence;

import static org.personalshopper.adapters.persistence.jooq.Tables.SHOPPER;

import org.personalshopper.domain.ShopperId;

/**
 * Serializes a shopper's limit-checked writes: locking the shopper row (FOR NO KEY UPDATE, which does not
 * block the key-share locks of foreign-key checks) until the transaction ends means count-then-insert
 * cannot interleave with another instance's for the same shopper.
 */
final class ShopperLocks {
    private static final String LOCK = "select id from shopper where id = ? for no key update";

    private final JooqTransactions transactions;

    ShopperLocks(JooqTransactions transactions) {
        this.transactions = transactions;
    }

    /** Locks the shopper's row in the current transaction; fails when no such shopper exists. */
    void lock(ShopperId shopperId) {
        if (!transactions.active()) {
            throw new IllegalStateException("a shopper lock only means something inside a transaction");
        }
        // Before every limit-checked write: fixed SQL (see PlainSql).
        boolean exists = PlainSql.one(transactions.current(), SHOPPER.getName(), LOCK, row -> true, shopperId.value()).isPresent();
        if (!exists) {
            throw new IllegalArgumentException("no shopper with id " + shopperId);
        }
    }
}
