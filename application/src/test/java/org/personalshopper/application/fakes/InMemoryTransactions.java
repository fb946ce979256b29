package org.personalshopper.application.fakes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.personalshopper.application.port.out.Transactions;

/**
 * Transactions for the in-memory repositories: writes inside one register how to undo themselves, and a
 * transaction that throws undoes them in reverse order. Every write is logged with the transaction it
 * belonged to, so tests can see what was written together and what was committed.
 */
public final class InMemoryTransactions implements Transactions {
    /** One write by a repository: what, and in which transaction (empty: outside any). */
    public record Write(String what, OptionalInt transaction) {
    }

    private static final class Tx {
        final int id;
        final List<Runnable> undo = new ArrayList<>();
        final List<Runnable> onEnd = new ArrayList<>();

        Tx(int id) {
            this.id = id;
        }
    }

    private final ThreadLocal<Tx> current = new ThreadLocal<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostOpenAtOnce = new AtomicInteger();
    private final Set<Integer> committed = ConcurrentHashMap.newKeySet();
    private final Set<Integer> rolledBack = ConcurrentHashMap.newKeySet();
    private final List<Write> writes = new CopyOnWriteArrayList<>();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get(); // nested: joins the outer transaction
        }
        Tx tx = new Tx(sequence.incrementAndGet());
        current.set(tx);
        mostOpenAtOnce.accumulateAndGet(open.incrementAndGet(), Math::max);
        try {
            T result = work.get();
            committed.add(tx.id);
            return result;
        } catch (RuntimeException | Error e) {
            for (int i = tx.undo.size() - 1; i >= 0; i--) {
                tx.undo.get(i).run();
            }
            rolledBack.add(tx.id);
            throw e;
        } finally {
            current.remove();
            open.decrementAndGet();
            tx.onEnd.forEach(Runnable::run); // releases row locks, after any undo
        }
    }

    /** Called by repositories for each write: logs it and, inside a transaction, keeps its undo. */
    void wrote(String what, Runnable undo) {
        Tx tx = current.get();
        writes.add(new Write(what, tx == null ? OptionalInt.empty() : OptionalInt.of(tx.id)));
        if (tx != null) {
            tx.undo.add(undo);
        }
    }

    /** Runs {@code action} when the current transaction ends. @throws IllegalStateException outside one */
    void atEnd(Runnable action) {
        Tx tx = current.get();
        if (tx == null) {
            throw new IllegalStateException("must run inside a transaction");
        }
        tx.onEnd.add(action);
    }

    public boolean active() {
        return current.get() != null;
    }

    public List<Write> writes() {
        return List.copyOf(writes);
    }

    public boolean wasCommitted(int transaction) {
        return committed.contains(transaction);
    }

    public Set<Integer> committed() {
        return Collections.unmodifiableSet(committed);
    }

    public Set<Integer> rolledBack() {
        return Collections.unmodifiableSet(rolledBack);
    }

    public int started() {
        return sequence.get();
    }

    /** The most transactions that were open at the same moment (each would hold a database connection). */
    public int mostOpenAtOnce() {
        return mostOpenAtOnce.get();
    }
}
