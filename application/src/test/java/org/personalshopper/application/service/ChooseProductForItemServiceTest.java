package org.personalshopper.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.fakes.FakeClock;
import org.personalshopper.application.fakes.FakeIdentityProvider;
import org.personalshopper.application.fakes.FakeProductCatalog;
import org.personalshopper.application.fakes.InMemorySelectionRepository;
import org.personalshopper.application.fakes.InMemoryShopperRepository;
import org.personalshopper.application.fakes.InMemoryShoppingListRepository;
import org.personalshopper.application.fakes.InMemoryTransactions;
import org.personalshopper.application.port.in.ChooseProductForItem.ChooseProduct;
import org.personalshopper.application.port.in.ManageShoppingLists;
import org.personalshopper.application.port.in.NotFoundException;
import org.personalshopper.application.port.in.UnknownProductException;
import org.personalshopper.application.port.out.SelectionRepository;
import org.personalshopper.domain.Price;
import org.personalshopper.domain.Product;
import org.personalshopper.domain.ProductId;
import org.personalshopper.domain.Quantity;
import org.personalshopper.domain.Selection;
import org.personalshopper.domain.SelectionId;
import org.personalshopper.domain.Shopper;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.ShoppingList;
import org.personalshopper.domain.ShoppingListItem;
import org.personalshopper.domain.StoreLocationId;
import org.personalshopper.domain.Upc;

/** Confirming a pick saves it as the item's selection, with the catalog's facts and the item's quantity. */
class ChooseProductForItemServiceTest {
    private static final StoreLocationId STORE = new StoreLocationId("01400943");
    private static final Product ORGANIC_MILK = new Product(new ProductId("0001111087412"), new Upc("0001111087412"),
            "Simple Truth Organic Whole Milk", Optional.of("Simple Truth Organic"), Optional.of("half gal"),
            Optional.of(new Price(new BigDecimal("4.99"), Optional.empty())), Optional.empty(), Optional.empty(), Optional.empty());

    private final FakeClock clock = new FakeClock();
    private final InMemoryShopperRepository shoppers = new InMemoryShopperRepository(new InMemoryTransactions());
    private final InMemorySelectionRepository selections = new InMemorySelectionRepository();
    private final InMemoryShoppingListRepository lists = new InMemoryShoppingListRepository();
    private final FakeProductCatalog catalog = new FakeProductCatalog();
    private final ChooseProductForItemService choose = new ChooseProductForItemService(lists, shoppers, selections, catalog,
            new AppTokens(new FakeIdentityProvider(), clock), clock);
    private final ShopperId shopper = ShopperId.random();
    private ShoppingList list;

    @BeforeEach
    void aListAtAStore() {
        shoppers.seed(new Shopper(shopper, Optional.of(STORE), clock.now()));
        catalog.add(ORGANIC_MILK);
        list = new ManageShoppingListsService(lists, clock).create(new ManageShoppingLists.CreateList(shopper, "Weekly", List.of(
                new ManageShoppingLists.NewItem(new ShoppingListItem("Milk"), new Quantity(2), Optional.empty()))));
    }

    @Test
    void theConfirmedProductIsSavedAsTheItemsSelectionWithTheCatalogsFacts() {
        Selection saved = choose.choose(new ChooseProduct(shopper, list.id(), list.items().get(0).id(), ORGANIC_MILK.productId()));

        assertThat(saved.item().name()).isEqualTo("Milk");
        assertThat(saved.upc()).isEqualTo(ORGANIC_MILK.upc());
        assertThat(saved.description()).contains("Simple Truth Organic Whole Milk");
        assertThat(saved.quantity()).isEqualTo(new Quantity(2));
        assertThat(selections.list(shopper)).containsExactly(saved);
        assertThat(catalog.lookups()).containsExactly(new FakeProductCatalog.Lookup(ORGANIC_MILK.productId(), Optional.of(STORE)));
    }

    @Test
    void choosingAgainForTheItemReplacesThePickWithoutTheLockedSave() {
        SavesCounted counted = new SavesCounted(selections);
        ChooseProductForItemService service = new ChooseProductForItemService(lists, shoppers, counted, catalog,
                new AppTokens(new FakeIdentityProvider(), clock), clock);
        ChooseProduct milk = new ChooseProduct(shopper, list.id(), list.items().get(0).id(), ORGANIC_MILK.productId());

        Selection first = service.choose(milk);
        Selection again = service.choose(milk);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(selections.list(shopper)).containsExactly(again);
        assertThat(counted.saves).as("the locked save (and its new id) only for the new item").isEqualTo(1);
    }

    /** Counts the calls of the save that creates (it locks the shopper); everything else as the repository does. */
    private static final class SavesCounted implements SelectionRepository {
        private final SelectionRepository repository;
        private int saves;

        SavesCounted(SelectionRepository repository) {
            this.repository = repository;
        }

        @Override
        public Optional<Selection> replace(Pick pick) {
            return repository.replace(pick);
        }

        @Override
        public Optional<Saved> save(Selection selection, int limit) {
            saves++;
            return repository.save(selection, limit);
        }

        @Override
        public List<Selection> list(ShopperId shopperId) {
            return repository.list(shopperId);
        }

        @Override
        public List<Selection> find(ShopperId shopperId, Collection<SelectionId> ids) {
            return repository.find(shopperId, ids);
        }

        @Override
        public int count(ShopperId shopperId) {
            return repository.count(shopperId);
        }

        @Override
        public boolean delete(ShopperId shopperId, SelectionId id) {
            return repository.delete(shopperId, id);
        }
    }

    @Test
    void forgettingThePickRemovesTheSelection() {
        choose.choose(new ChooseProduct(shopper, list.id(), list.items().get(0).id(), ORGANIC_MILK.productId()));
        choose.forget(shopper, list.id(), list.items().get(0).id());

        assertThat(selections.list(shopper)).isEmpty();
        assertThatThrownBy(() -> choose.forget(shopper, list.id(), list.items().get(0).id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aProductTheCatalogDoesNotKnowOrAnotherShoppersListIsRefusedAndNothingIsSaved() {
        assertThatThrownBy(() -> choose.choose(new ChooseProduct(shopper, list.id(), list.items().get(0).id(), new ProductId("999"))))
                .isInstanceOf(UnknownProductException.class);
        assertThatThrownBy(() -> choose.choose(new ChooseProduct(ShopperId.random(), list.id(), list.items().get(0).id(),
                ORGANIC_MILK.productId()))).isInstanceOf(NotFoundException.class);
        assertThat(selections.list(shopper)).isEmpty();
    }
}
