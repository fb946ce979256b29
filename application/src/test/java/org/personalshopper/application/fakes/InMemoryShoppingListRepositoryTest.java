package org.personalshopper.application.fakes;

import org.personalshopper.application.contract.ShoppingListRepositoryContract;
import org.personalshopper.application.port.out.ShoppingListRepository;

/** The fake the use-case tests rely on behaves like the real ShoppingListRepository. */
class InMemoryShoppingListRepositoryTest implements ShoppingListRepositoryContract, InMemoryStore {
    private final InMemoryShoppingListRepository repository = new InMemoryShoppingListRepository();

    @Override
    public ShoppingListRepository lists() {
        return repository;
    }
}
