package org.personalshopper.application.port.out;

import java.time.Instant;
import java.util.Optional;
import org.personalshopper.domain.SecretHash;
import org.personalshopper.domain.Session;
import org.personalshopper.domain.ShopperId;

/** Sessions, found by the hash of their id; the id itself is never stored. */
public interface SessionRepository {
    void create(Session session);

    Optional<Session> find(SecretHash idHash);

    /** Moves the idle clock of a session forward to {@code usedAt}. */
    void touch(SecretHash idHash, Instant usedAt);

    void delete(SecretHash idHash);

    /** Ends every session of the shopper; returns how many. */
    int deleteAll(ShopperId shopperId);

    /**
     * Creates the session and ends its shopper's oldest sessions (by sign-in time, the new one counted) until at
     * most {@code keep} remain; returns how many ended. One step, so a sign-in pays one round trip for both.
     */
    int createKeepingNewest(Session session, int keep);

    /** Removes sessions last used before {@code idleCutoff} or created before {@code absoluteCutoff}. */
    int deleteExpired(Instant idleCutoff, Instant absoluteCutoff);
}
