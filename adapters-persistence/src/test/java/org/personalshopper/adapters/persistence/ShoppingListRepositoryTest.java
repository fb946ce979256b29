package org.personalshopper.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.personalshopper.adapters.persistence.jooq.Tables.SHOPPER;
import static org.personalshopper.adapters.persistence.jooq.Tables.SHOPPING_LIST_ITEM;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.port.out.ShoppingListRepository;
import org.personalshopper.application.port.out.ShoppingListRepository.ItemAdded;
import org.personalshopper.domain.ListItem;
import org.personalshopper.domain.ListItemId;
import org.personalshopper.domain.Quantity;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.ShoppingList;
import org.personalshopper.domain.ShoppingListId;
import org.personalshopper.domain.ShoppingListItem;

class ShoppingListRepositoryTest extends DatabaseTest {
    private ShoppingListRepository lists() {
        return persistence.shoppingLists();
    }

    private static ListItem item(String text, int quantity) {
        return new ListItem(ListItemId.random(), new ShoppingListItem(text), new Quantity(quantity), Optional.empty(), false, T0);
    }

    private ShoppingList newList(ShopperId shopper, String name, ListItem... items) {
        ShoppingList list = new ShoppingList(ShoppingListId.random(), shopper, name, List.of(items), T0, T0);
        assertThat(lists().createIfFewerThan(list, 50)).isTrue();
        return list;
    }

    @Test
    void aListKeepsItsItemsInTheOrderTheyWereAdded() {
        ShopperId shopper = newShopper().id();
        ShoppingList list = newList(shopper, "Weekly", item("milk", 2), item("eggs", 1));
        ListItem coffee = new ListItem(ListItemId.random(), new ShoppingListItem("Coffee"), new Quantity(1),
                Optional.of("the dark roast"), false, T0);

        assertThat(lists().addItemIfFewerThan(shopper, list.id(), coffee, 50, at(Duration.ofMinutes(1)))).isEqualTo(ItemAdded.ADDED);

        ShoppingList stored = lists().find(shopper, list.id()).orElseThrow();
        assertThat(stored.name()).isEqualTo("Weekly");
        assertThat(stored.items()).extracting(i -> i.text().name()).containsExactly("milk", "eggs", "Coffee");
        assertThat(stored.items().get(2).note()).contains("the dark roast");
        assertThat(stored.updatedAt()).isEqualTo(micros(at(Duration.ofMinutes(1))));
    }

    @Test
    void anotherShoppersListIsNotFoundAndCannotBeChanged() {
        ShopperId owner = newShopper().id();
        ShopperId other = newShopper().id();
        ShoppingList list = newList(owner, "Mine", item("milk", 1));
        ListItem milk = list.items().get(0);

        assertThat(lists().find(other, list.id())).isEmpty();
        assertThat(lists().list(other)).isEmpty();
        assertThat(lists().rename(other, list.id(), "Taken", T0)).isEmpty();
        assertThat(lists().addItemIfFewerThan(other, list.id(), item("eggs", 1), 50, T0)).isEqualTo(ItemAdded.NO_SUCH_LIST);
        assertThat(lists().updateItem(other, list.id(), milk, T0)).isFalse();
        assertThat(lists().deleteItem(other, list.id(), milk.id(), T0)).isFalse();
        assertThat(lists().claimSend(other, list.id(), "f".repeat(64), false, T0)).isEmpty();
        assertThat(lists().delete(other, list.id())).isFalse();
        assertThat(lists().find(owner, list.id()).orElseThrow().items()).hasSize(1);
    }

    @Test
    void itemsChangeAndGoAndListsAreNewestFirst() {
        ShopperId shopper = newShopper().id();
        ShoppingList older = newList(shopper, "Older", item("milk", 1), item("eggs", 1));
        ShoppingList newer = new ShoppingList(ShoppingListId.random(), shopper, "Newer", List.of(), at(Duration.ofHours(1)),
                at(Duration.ofHours(1)));
        lists().createIfFewerThan(newer, 50);
        ListItem milk = older.items().get(0);

        assertThat(lists().updateItem(shopper, older.id(), new ListItem(milk.id(), new ShoppingListItem("oat milk"), new Quantity(3),
                Optional.of("barista"), true, milk.createdAt()), T0)).isTrue();
        assertThat(lists().deleteItem(shopper, older.id(), older.items().get(1).id(), T0)).isTrue();
        assertThat(lists().rename(shopper, older.id(), "Renamed", T0)).isPresent();

        assertThat(lists().list(shopper)).extracting(ShoppingList::name).containsExactly("Newer", "Renamed");
        ListItem changed = lists().find(shopper, older.id()).orElseThrow().items().get(0);
        assertThat(changed.text().name()).isEqualTo("oat milk");
        assertThat(changed.quantity()).isEqualTo(new Quantity(3));
        assertThat(changed.note()).contains("barista");
        assertThat(changed.checked()).isTrue();
        assertThat(lists().delete(shopper, older.id())).isTrue();
        assertThat(lists().list(shopper)).extracting(ShoppingList::name).containsExactly("Newer");
    }

    @Test
    void twentyConcurrentAddsOneBelowTheItemLimitStoreExactlyOne() throws Exception {
        ShopperId shopper = newShopper().id();
        ShoppingList list = newList(shopper, "Big", item("one", 1), item("two", 1));

        List<ItemAdded> added = race(20, i -> lists().addItemIfFewerThan(shopper, list.id(), item("racer " + i, 1), 3, T0));

        assertThat(added).filteredOn(a -> a == ItemAdded.ADDED).hasSize(1);
        assertThat(added).filteredOn(a -> a == ItemAdded.LIST_FULL).hasSize(19);
    }

    @Test
    void theShoppersListLimitHolds() {
        ShopperId shopper = newShopper().id();
        assertThat(lists().createIfFewerThan(new ShoppingList(ShoppingListId.random(), shopper, "a", List.of(), T0, T0), 1)).isTrue();
        assertThat(lists().createIfFewerThan(new ShoppingList(ShoppingListId.random(), shopper, "b", List.of(), T0, T0), 1)).isFalse();
    }

    @Test
    void theSameFingerprintIsClaimedOnceUnlessAgainAndAReleaseRestoresThePrevious() {
        ShopperId shopper = newShopper().id();
        ShoppingList list = newList(shopper, "Weekly", item("milk", 1));
        String first = "a".repeat(64);
        String second = "b".repeat(64);

        assertThat(lists().claimSend(shopper, list.id(), first, false, T0)).contains(new ShoppingListRepository.SendClaim(true, Optional.empty()));
        assertThat(lists().claimSend(shopper, list.id(), first, false, T0)).contains(new ShoppingListRepository.SendClaim(false, Optional.of(first)));
        assertThat(lists().claimSend(shopper, list.id(), first, true, T0)).contains(new ShoppingListRepository.SendClaim(true, Optional.of(first)));

        assertThat(lists().claimSend(shopper, list.id(), second, false, T0)).contains(new ShoppingListRepository.SendClaim(true, Optional.of(first)));
        lists().releaseSend(shopper, list.id(), second, Optional.of(first));
        assertThat(lists().claimSend(shopper, list.id(), first, false, T0).orElseThrow().claimed()).isFalse();
    }

    @Test
    void deletingTheShopperDeletesTheirLists() {
        ShopperId shopper = newShopper().id();
        ShoppingList list = newList(shopper, "Weekly", item("milk", 1));
        persistence.jooq().current().deleteFrom(SHOPPER).where(SHOPPER.ID.eq(shopper.value())).execute();

        assertThat(lists().list(shopper)).isEmpty();
        assertThat(persistence.jooq().current().fetchCount(SHOPPING_LIST_ITEM, SHOPPING_LIST_ITEM.LIST_ID.eq(list.id().value())))
                .isZero();
    }
}
