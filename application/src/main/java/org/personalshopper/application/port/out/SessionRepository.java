package org.personalshopper.application.port.out;

import java.time.Instant;
import java.util.Optional;
import org.personalshopper.domain.SecretHash;
import org.personalshopper.domain.Session;

/** Sessions, found by the hash of their id; the id itself is never stored. */
public interface SessionRepository {
    void create(Session session);

    Optional<Session> find(SecretHash idHash);

    /** Moves the idle clock of a session forward to {@code usedAt}. */
    void touch(SecretHash idHash, Instant usedAt);

    void delete(SecretHash idHash);

    /** Removes sessions last used before {@code idleCutoff} or created before {@code absoluteCutoff}. */
    int deleteExpired(Instant idleCutoff, Instant absoluteCutoff);
}
