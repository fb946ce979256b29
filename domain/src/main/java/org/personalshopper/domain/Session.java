package org.personalshopper.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A signed-in browser or client. Only the hash of its id is kept. It ends after {@code idle} without use
 * or {@code absolute} after sign-in, whichever comes first.
 */
public record Session(SecretHash idHash, ShopperId shopperId, Instant createdAt, Instant lastUsedAt) {
    public Session {
        Check.requireNonNull(idHash, "session id hash");
        Check.requireNonNull(shopperId, "shopper id");
        Check.requireNonNull(createdAt, "createdAt");
        Check.requireNonNull(lastUsedAt, "lastUsedAt");
        if (lastUsedAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("a session cannot be used before it was created");
        }
    }

    public boolean isExpired(Instant now, SessionPolicy policy) {
        return !now.isBefore(expiresAt(policy));
    }

    /** The earlier of the idle deadline and the absolute one. */
    public Instant expiresAt(SessionPolicy policy) {
        Instant idleEnd = lastUsedAt.plus(policy.idleTimeout());
        Instant absoluteEnd = createdAt.plus(policy.absoluteTimeout());
        return idleEnd.isBefore(absoluteEnd) ? idleEnd : absoluteEnd;
    }

    /**
     * Whether this use should be written back. Writing at most once per {@code touchInterval} keeps
     * reads free of writes while the idle clock stays accurate to that interval.
     */
    public boolean shouldTouch(Instant now, Duration touchInterval) {
        return !now.isBefore(lastUsedAt.plus(touchInterval));
    }
}
