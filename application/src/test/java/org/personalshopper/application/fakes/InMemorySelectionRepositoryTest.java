package org.personalshopper.application.fakes;

import org.personalshopper.application.contract.SelectionRepositoryContract;
import org.personalshopper.application.port.out.SelectionRepository;

/** The fake the use-case tests rely on behaves like the real SelectionRepository. */
class InMemorySelectionRepositoryTest implements SelectionRepositoryContract, InMemoryStore {
    private final InMemorySelectionRepository repository = new InMemorySelectionRepository();

    @Override
    public SelectionRepository selections() {
        return repository;
    }
}
