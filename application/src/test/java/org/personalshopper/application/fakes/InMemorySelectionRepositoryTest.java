package org.personalshopper.application.fakes;

import java.time.Instant;
import org.personalshopper.application.contract.SelectionRepositoryContract;
import org.personalshopper.application.port.out.SelectionRepository;
import org.personalshopper.domain.ShopperId;

/** The fake the use-case tests rely on behaves like the real SelectionRepository. */
class InMemorySelectionRepositoryTest implements SelectionRepositoryContract {
    private final InMemorySelectionRepository repository = new InMemorySelectionRepository();

    @Override
    public SelectionRepository selections() {
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
