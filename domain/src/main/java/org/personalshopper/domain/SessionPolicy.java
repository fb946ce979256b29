package org.personalshopper.domain;

import java.time.Duration;

/** How long sessions live: {@code idleTimeout} without use, {@code absoluteTimeout} at most. */
public record SessionPolicy(Duration idleTimeout, Duration absoluteTimeout) {
    public static final SessionPolicy DEFAULT = new SessionPolicy(Duration.ofDays(30), Duration.ofDays(90));

    public SessionPolicy {
        Check.requireNonNull(idleTimeout, "idle timeout");
        Check.requireNonNull(absoluteTimeout, "absolute timeout");
        if (idleTimeout.isNegative() || idleTimeout.isZero() || absoluteTimeout.compareTo(idleTimeout) < 0) {
            throw new IllegalArgumentException("need 0 < idle timeout <= absolute timeout");
        }
    }

    /** Touch a session at most this often: a fraction of the idle timeout, capped at one hour. */
    public Duration touchInterval() {
        Duration fraction = idleTimeout.dividedBy(100);
        return fraction.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : fraction;
    }
}
