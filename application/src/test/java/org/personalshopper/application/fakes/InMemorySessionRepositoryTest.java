package org.personalshopper.application.fakes;

import org.personalshopper.application.contract.SessionRepositoryContract;
import org.personalshopper.application.port.out.SessionRepository;

/** The fake the use-case tests rely on behaves like the real SessionRepository. */
class InMemorySessionRepositoryTest implements SessionRepositoryContract, InMemoryStore {
    private final InMemorySessionRepository repository = new InMemorySessionRepository(new InMemoryTransactions());

    @Override
    public SessionRepository sessions() {
        return repository;
    }
}
