package org.personalshopper.application.port.out;

import java.util.function.Supplier;

/**
 * Runs work atomically: every repository call inside {@code work} sees and joins one transaction, which
 * commits when {@code work} returns and rolls back when it throws. Nested calls join the outer one.
 */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
