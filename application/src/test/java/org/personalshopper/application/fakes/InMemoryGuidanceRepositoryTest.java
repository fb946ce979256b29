package org.personalshopper.application.fakes;

import org.personalshopper.application.contract.GuidanceRepositoryContract;
import org.personalshopper.application.port.out.GuidanceRepository;

/** The fake the use-case tests rely on behaves like the real GuidanceRepository. */
class InMemoryGuidanceRepositoryTest implements GuidanceRepositoryContract, InMemoryStore {
    private final InMemoryGuidanceRepository repository = new InMemoryGuidanceRepository();

    @Override
    public GuidanceRepository guidance() {
        return repository;
    }
}
