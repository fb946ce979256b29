package org.personalshopper.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.fakes.FakeClock;
import org.personalshopper.application.fakes.InMemoryShoppingListRepository;
import org.personalshopper.application.port.in.LimitReachedException;
import org.personalshopper.application.port.in.ManageShoppingLists;
import org.personalshopper.application.port.in.NotFoundException;
import org.personalshopper.domain.ListItem;
import org.personalshopper.domain.ListItemId;
import org.personalshopper.domain.Quantity;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.ShoppingList;
import org.personalshopper.domain.ShoppingListItem;

/** A shopper's lists and items: limits, partial changes, and another shopper's list as not found. */
class ManageShoppingListsServiceTest {
    private final FakeClock clock = new FakeClock();
    private final ManageShoppingListsService manage = new ManageShoppingListsService(new InMemoryShoppingListRepository(), clock);
    private final ShopperId shopper = ShopperId.random();

    private static ManageShoppingLists.NewItem item(String text) {
        return new ManageShoppingLists.NewItem(new ShoppingListItem(text), new Quantity(1), Optional.empty());
    }

    private ShoppingList listOf(String... items) {
        return manage.create(new ManageShoppingLists.CreateList(shopper, " Weekly ", List.of(items).stream()
                .map(ManageShoppingListsServiceTest::item).toList()));
    }

    @Test
    void aListIsCreatedWithItsItemsInOrderAndAnItemIsAddedAtTheEnd() {
        ShoppingList list = listOf("milk", "eggs");
        ListItem coffee = manage.addItem(new ManageShoppingLists.AddItem(shopper, list.id(), item("coffee")));

        ShoppingList stored = manage.list(shopper, list.id());
        assertThat(stored.name()).isEqualTo("Weekly");
        assertThat(stored.items()).extracting(i -> i.text().name()).containsExactly("milk", "eggs", "coffee");
        assertThat(stored.items().get(2)).isEqualTo(coffee);
    }

    @Test
    void onlyTheGivenPartsOfAnItemChangeAndABlankNoteRemovesIt() {
        ShoppingList list = manage.create(new ManageShoppingLists.CreateList(shopper, "Weekly", List.of(
                new ManageShoppingLists.NewItem(new ShoppingListItem("coffee"), new Quantity(2), Optional.of("dark roast")))));
        ListItemId coffee = list.items().get(0).id();

        ShoppingList changed = manage.changeItem(new ManageShoppingLists.ChangeItem(shopper, list.id(), coffee, Optional.empty(),
                Optional.empty(), Optional.of(Optional.empty()), Optional.of(true)));

        ListItem item = changed.item(coffee).orElseThrow();
        assertThat(item.text().name()).isEqualTo("coffee");
        assertThat(item.quantity()).isEqualTo(new Quantity(2));
        assertThat(item.note()).isEmpty();
        assertThat(item.checked()).isTrue();
    }

    @Test
    void listsAndItemsHaveLimits() {
        ShoppingList list = listOf();
        for (int i = 0; i < ShoppingList.MAX_ITEMS; i++) {
            manage.addItem(new ManageShoppingLists.AddItem(shopper, list.id(), item("item " + i)));
        }
        assertThatThrownBy(() -> manage.addItem(new ManageShoppingLists.AddItem(shopper, list.id(), item("one too many"))))
                .isInstanceOf(LimitReachedException.class);
        for (int i = 1; i < ShoppingList.MAX_PER_SHOPPER; i++) {
            listOf();
        }
        assertThatThrownBy(this::listOf).isInstanceOf(LimitReachedException.class);
    }

    @Test
    void anotherShoppersListOrItemIsNotFound() {
        ShoppingList list = listOf("milk");
        ShopperId other = ShopperId.random();
        ListItemId milk = list.items().get(0).id();

        assertThatThrownBy(() -> manage.list(other, list.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> manage.removeItem(other, list.id(), milk)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> manage.delete(other, list.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> manage.removeItem(shopper, list.id(), ListItemId.random())).isInstanceOf(NotFoundException.class);
        assertThat(manage.list(shopper, list.id()).items()).hasSize(1);
    }
}
