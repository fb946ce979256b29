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

    /**
     * Saves the attempt unless {@code maxPending} sign-ins are already in progress (attempts not yet expired when
     * it starts); whether it was saved. Counting stops at {@code maxPending}, so the check costs the same however
     * many expired attempts wait for housekeeping.
     */
    boolean saveUnlessFull(LoginAttempt attempt, int maxPending);
}
