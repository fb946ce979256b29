package org.personalshopper.application.fakes;

import java.time.Instant;
import org.personalshopper.application.contract.CartSubmissionRepositoryContract;
import org.personalshopper.application.port.out.CartSubmissionRepository;
import org.personalshopper.domain.ShopperId;

/** The fake the use-case tests rely on behaves like the real CartSubmissionRepository. */
class InMemoryCartSubmissionRepositoryTest implements CartSubmissionRepositoryContract {
    private final InMemoryCartSubmissionRepository repository = new InMemoryCartSubmissionRepository();

    @Override
    public CartSubmissionRepository carts() {
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
