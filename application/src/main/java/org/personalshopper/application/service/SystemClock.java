package org.personalshopper.application.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.personalshopper.application.port.out.Clock;

/**
 * The wall clock in UTC, cut to microseconds: PostgreSQL keeps microseconds, so an instant read back from
 * the database equals the one written, and expiry comparisons do not flip on a lost nanosecond.
 */
public final class SystemClock implements Clock {
    private final java.time.Clock source;

    public SystemClock() {
        this(java.time.Clock.systemUTC());
    }

    public SystemClock(java.time.Clock source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public Instant now() {
        return source.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
