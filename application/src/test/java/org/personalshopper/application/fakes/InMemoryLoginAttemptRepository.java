package org.personalshopper.application.fakes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.personalshopper.application.port.out.LoginAttemptRepository;
import org.personalshopper.domain.LoginAttempt;
import org.personalshopper.domain.SecretHash;

public final class InMemoryLoginAttemptRepository implements LoginAttemptRepository {
    private final Map<SecretHash, LoginAttempt> attempts = new ConcurrentHashMap<>();

    @Override
    public void save(LoginAttempt attempt) {
        attempts.put(attempt.stateHash(), attempt);
    }

    @Override
    public Optional<LoginAttempt> take(SecretHash stateHash) {
        return Optional.ofNullable(attempts.remove(stateHash)); // atomic: one of two racing callbacks gets it
    }

    @Override
    public int deleteExpired(Instant now) {
        List<SecretHash> gone = attempts.values().stream().filter(a -> a.isExpired(now)).map(LoginAttempt::stateHash).toList();
        gone.forEach(attempts::remove);
        return gone.size();
    }

    @Override
    public synchronized boolean saveUnlessFull(LoginAttempt attempt, int maxPending) {
        if (attempts.values().stream().filter(a -> !a.isExpired(attempt.createdAt())).count() >= maxPending) {
            return false;
        }
        save(attempt);
        return true;
    }

    public List<LoginAttempt> all() {
        return List.copyOf(attempts.values());
    }
}
