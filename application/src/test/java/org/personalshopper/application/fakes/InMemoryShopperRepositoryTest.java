package org.personalshopper.application.fakes;

import org.personalshopper.application.contract.ShopperRepositoryContract;
import org.personalshopper.application.port.out.ConnectionRepository;
import org.personalshopper.application.port.out.ShopperRepository;

/** The fake the use-case tests rely on behaves like the real ShopperRepository. */
class InMemoryShopperRepositoryTest implements ShopperRepositoryContract, InMemoryStore {
    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryShopperRepository repository = new InMemoryShopperRepository(transactions);
    private final InMemoryConnectionRepository connections = new InMemoryConnectionRepository(transactions, repository);

    @Override
    public ShopperRepository shoppers() {
        return repository;
    }

    @Override
    public ConnectionRepository connections() {
        return connections;
    }
}
