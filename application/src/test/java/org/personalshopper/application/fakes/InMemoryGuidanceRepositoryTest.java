package org.personalshopper.application.fakes;

import java.time.Instant;
import org.personalshopper.application.contract.GuidanceRepositoryContract;
import org.personalshopper.application.port.out.GuidanceRepository;
import org.personalshopper.domain.ShopperId;

/** The fake the use-case tests rely on behaves like the real GuidanceRepository. */
class InMemoryGuidanceRepositoryTest implements GuidanceRepositoryContract {
    private final InMemoryGuidanceRepository repository = new InMemoryGuidanceRepository();

    @Override
    public GuidanceRepository guidance() {
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
