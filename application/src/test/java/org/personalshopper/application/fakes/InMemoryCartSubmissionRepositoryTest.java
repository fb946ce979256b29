package org.personalshopper.application.fakes;

import org.personalshopper.application.contract.CartSubmissionRepositoryContract;
import org.personalshopper.application.port.out.CartSubmissionRepository;

/** The fake the use-case tests rely on behaves like the real CartSubmissionRepository. */
class InMemoryCartSubmissionRepositoryTest implements CartSubmissionRepositoryContract, InMemoryStore {
    private final InMemoryCartSubmissionRepository repository = new InMemoryCartSubmissionRepository();

    @Override
    public CartSubmissionRepository carts() {
        return repository;
    }
}
