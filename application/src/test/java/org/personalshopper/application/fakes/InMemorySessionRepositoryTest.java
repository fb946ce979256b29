package org.personalshopper.application.fakes;

import java.time.Instant;
import org.personalshopper.application.contract.SessionRepositoryContract;
import org.personalshopper.application.port.out.SessionRepository;
import org.personalshopper.domain.ShopperId;

/** The fake the use-case tests rely on behaves like the real SessionRepository. */
class InMemorySessionRepositoryTest implements SessionRepositoryContract {
    private final InMemorySessionRepository repository = new InMemorySessionRepository(new InMemoryTransactions());

    @Override
    public SessionRepository sessions() {
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
