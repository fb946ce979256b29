package org.personalshopper.application.contract;

import java.time.Duration;
import java.time.Instant;
import org.personalshopper.domain.ShopperId;

/**
 * What every repository contract needs from the implementation under test. The contracts are JUnit 5 test
 * interfaces: a test class implements one (e.g. {@code GuidanceRepositoryContract}), supplies the
 * repository and these hooks, and runs every behaviour the port promises against its implementation, the
 * in-memory fake as much as the jOOQ one.
 */
public interface RepositoryContract {
    /** Nanoseconds on purpose: what a store keeps may be truncated (PostgreSQL keeps microseconds). */
    Instant START = Instant.parse("2026-11-22T10:15:30.123456789Z");

    static Instant after(Duration afterStart) {
        return START.plus(afterStart);
    }

    /** A shopper the repository accepts entries for (a stored one, where the store checks). */
    ShopperId newShopperId();

    /** What the store keeps of an instant (identity for the fakes, microseconds for PostgreSQL). */
    Instant kept(Instant instant);
}
