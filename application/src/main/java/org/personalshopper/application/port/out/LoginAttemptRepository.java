package org.personalshopper.application.port.out;

import java.time.Instant;
import java.util.Optional;
import org.personalshopper.domain.LoginAttempt;
import org.personalshopper.domain.SecretHash;

/** Sign-ins in progress, found by the hash of their state. */
public interface LoginAttemptRepository {
    void save(LoginAttempt attempt);

    /**
     * Removes and returns the attempt with this state in one step, so a state can be used once only, even
     * by two callbacks racing each other.
     */
    Optional<LoginAttempt> take(SecretHash stateHash);

    int deleteExpired(Instant now);

    /** How many sign-ins are in progress: attempts not yet expired at {@code now}. */
    int countUnexpired(Instant now);
}
