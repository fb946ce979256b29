package org.personalshopper.application.fakes;

import org.personalshopper.application.contract.LoginAttemptRepositoryContract;
import org.personalshopper.application.port.out.LoginAttemptRepository;

/** The fake the use-case tests rely on behaves like the real LoginAttemptRepository. */
class InMemoryLoginAttemptRepositoryTest implements LoginAttemptRepositoryContract, InMemoryStore {
    private final InMemoryLoginAttemptRepository repository = new InMemoryLoginAttemptRepository();

    @Override
    public LoginAttemptRepository attempts() {
        return repository;
    }
}
