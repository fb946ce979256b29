package org.personalshopper.application.fakes;

import org.personalshopper.application.contract.ShopperRepositoryContract;
import org.personalshopper.application.port.out.ShopperRepository;

/** The fake the use-case tests rely on behaves like the real ShopperRepository. */
class InMemoryShopperRepositoryTest implements ShopperRepositoryContract, InMemoryStore {
    private final InMemoryShopperRepository repository = new InMemoryShopperRepository(new InMemoryTransactions());

    @Override
    public ShopperRepository shoppers() {
        return repository;
    }
}
