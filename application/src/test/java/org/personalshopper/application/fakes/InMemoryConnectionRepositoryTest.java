package org.personalshopper.application.fakes;

import org.personalshopper.application.contract.ConnectionRepositoryContract;
import org.personalshopper.application.port.out.ConnectionRepository;
import org.personalshopper.application.port.out.Transactions;

/** The fake the use-case tests rely on behaves like the real ConnectionRepository. */
class InMemoryConnectionRepositoryTest implements ConnectionRepositoryContract, InMemoryStore {
    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryConnectionRepository repository = new InMemoryConnectionRepository(transactions);

    @Override
    public ConnectionRepository connections() {
        return repository;
    }

    @Override
    public Transactions transactions() {
        return transactions;
    }
}
