package org.personalshopper.application.fakes;

import java.time.Instant;
import org.personalshopper.application.contract.LoginAttemptRepositoryContract;
import org.personalshopper.application.port.out.LoginAttemptRepository;
import org.personalshopper.domain.ShopperId;

/** The fake the use-case tests rely on behaves like the real LoginAttemptRepository. */
class InMemoryLoginAttemptRepositoryTest implements LoginAttemptRepositoryContract {
    private final InMemoryLoginAttemptRepository repository = new InMemoryLoginAttemptRepository();

    @Override
    public LoginAttemptRepository attempts() {
        return repository;
    }

    @Override
    public ShopperId newShopperId() {
        return ShopperId.random();
    }

    @Override
    public Instant kept(Instant instant) {
        return instant;
    }
}
