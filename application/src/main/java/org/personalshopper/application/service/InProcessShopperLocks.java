package org.personalshopper.application.service;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.personalshopper.domain.ShopperId;

/**
 * One lock per shopper inside this instance. An entry lives only while someone holds or waits for it, so
 * the map never grows with the number of shoppers seen.
 */
final class InProcessShopperLocks {
    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        int users; // changed only inside ConcurrentHashMap.compute for this key
    }

    private final ConcurrentHashMap<ShopperId, Entry> entries = new ConcurrentHashMap<>();

    <T> T whileHolding(ShopperId shopperId, Supplier<T> work) {
        Entry entry = entries.compute(shopperId, (id, existing) -> {
            Entry e = existing == null ? new Entry() : existing;
            e.users++;
            return e;
        });
        try {
            entry.lock.lock();
            try {
                return work.get();
            } finally {
                entry.lock.unlock();
            }
        } finally {
            entries.compute(shopperId, (id, e) -> --e.users == 0 ? null : e);
        }
    }

    /** How many shoppers have a lock entry right now (holders or waiters). */
    int size() {
        return entries.size();
    }
}
