package org.personalshopper.bootstrap.e2e;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling for something the service does on its own time (a restart, an announcement from the database). */
final class Waiting {
    private Waiting() {
    }

    /** Returns once {@code condition} holds; fails naming {@code what} when it has not within {@code limit}. */
    static void waitFor(BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + limit.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
    }
}
