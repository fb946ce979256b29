package org.personalshopper.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.personalshopper.application.contract.RepositoryContract.after;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.port.out.ShoppingListRepository;
import org.personalshopper.application.port.out.ShoppingListRepository.ItemAdded;
import org.personalshopper.application.port.out.ShoppingListRepository.SendClaim;
import org.personalshopper.domain.ListItem;
import org.personalshopper.domain.ListItemId;
import org.personalshopper.domain.Quantity;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.ShoppingList;
import org.personalshopper.domain.ShoppingListId;
import org.personalshopper.domain.ShoppingListItem;

/** What every {@code ShoppingListRepository} must do; run against the in-memory fake and the jOOQ implementation. */
public interface ShoppingListRepositoryContract extends RepositoryContract {
    ShoppingListRepository lists();

    private ListItem item(String text, int quantity) {
        return new ListItem(ListItemId.random(), new ShoppingListItem(text), new Quantity(quantity), Optional.empty(), false, START);
    }

    private ShoppingList newList(ShopperId shopper, String name, ListItem... items) {
        ShoppingList list = new ShoppingList(ShoppingListId.random(), shopper, name, List.of(items), START, START);
        assertThat(lists().createIfFewerThan(list, 50)).isTrue();
        return list;
    }

    @Test
    default void aListKeepsItsItemsInTheOrderTheyWereAdded() {
        ShopperId shopper = newShopperId();
        ShoppingList list = newList(shopper, "Weekly", item("milk", 2), item("eggs", 1));
        ListItem coffee = new ListItem(ListItemId.random(), new ShoppingListItem("Coffee"), new Quantity(1),
                Optional.of("the dark roast"), false, START);

        assertThat(lists().addItemIfFewerThan(shopper, list.id(), coffee, 50, after(Duration.ofMinutes(1)))).isEqualTo(ItemAdded.ADDED);

        ShoppingList stored = lists().find(shopper, list.id()).orElseThrow();
        assertThat(stored.name()).isEqualTo("Weekly");
        assertThat(stored.items()).extracting(i -> i.text().name()).containsExactly("milk", "eggs", "Coffee");
        assertThat(stored.items().get(2).note()).contains("the dark roast");
        assertThat(stored.updatedAt()).isEqualTo(kept(after(Duration.ofMinutes(1))));
    }

    @Test
    default void anotherShoppersListIsNotFoundAndCannotBeChanged() {
        ShopperId owner = newShopperId();
        ShopperId other = newShopperId();
        ShoppingList list = newList(owner, "Mine", item("milk", 1));
        ListItem milk = list.items().get(0);

        assertThat(lists().find(other, list.id())).isEmpty();
        assertThat(lists().list(other)).isEmpty();
        assertThat(lists().rename(other, list.id(), "Taken", START)).isEmpty();
        assertThat(lists().addItemIfFewerThan(other, list.id(), item("eggs", 1), 50, START)).isEqualTo(ItemAdded.NO_SUCH_LIST);
        assertThat(lists().updateItem(other, list.id(), milk, START)).isFalse();
        assertThat(lists().deleteItem(other, list.id(), milk.id(), START)).isFalse();
        assertThat(lists().claimSend(other, list.id(), "f".repeat(64), false, START)).isEmpty();
        assertThat(lists().delete(other, list.id())).isFalse();
        assertThat(lists().find(owner, list.id()).orElseThrow().items()).hasSize(1);
    }

    @Test
    default void itemsChangeAndGoAndListsAreNewestFirst() {
        ShopperId shopper = newShopperId();
        ShoppingList older = newList(shopper, "Older", item("milk", 1), item("eggs", 1));
        ShoppingList newer = new ShoppingList(ShoppingListId.random(), shopper, "Newer", List.of(), after(Duration.ofHours(1)),
                after(Duration.ofHours(1)));
        lists().createIfFewerThan(newer, 50);
        ListItem milk = older.items().get(0);

        assertThat(lists().updateItem(shopper, older.id(), new ListItem(milk.id(), new ShoppingListItem("oat milk"), new Quantity(3),
                Optional.of("barista"), true, milk.createdAt()), START)).isTrue();
        assertThat(lists().deleteItem(shopper, older.id(), older.items().get(1).id(), START)).isTrue();
        assertThat(lists().deleteItem(shopper, older.id(), older.items().get(1).id(), START)).isFalse();
        assertThat(lists().rename(shopper, older.id(), "Renamed", START)).isPresent();

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
    default void twentyConcurrentAddsOneBelowTheItemLimitStoreExactlyOne() throws Exception {
        ShopperId shopper = newShopperId();
        ShoppingList list = newList(shopper, "Big", item("one", 1), item("two", 1));

        List<ItemAdded> added = Race.race(20, i -> lists().addItemIfFewerThan(shopper, list.id(), item("racer " + i, 1), 3, START));

        assertThat(added).filteredOn(a -> a == ItemAdded.ADDED).hasSize(1);
        assertThat(added).filteredOn(a -> a == ItemAdded.LIST_FULL).hasSize(19);
    }

    @Test
    default void theShoppersListLimitHoldsAndCountsOnlyTheirLists() {
        ShopperId shopper = newShopperId();
        ShopperId other = newShopperId();
        assertThat(lists().createIfFewerThan(new ShoppingList(ShoppingListId.random(), shopper, "a", List.of(), START, START), 1)).isTrue();
        assertThat(lists().createIfFewerThan(new ShoppingList(ShoppingListId.random(), shopper, "b", List.of(), START, START), 1)).isFalse();
        assertThat(lists().createIfFewerThan(new ShoppingList(ShoppingListId.random(), other, "c", List.of(), START, START), 1)).isTrue();
    }

    @Test
    default void theSameFingerprintIsClaimedOnceUnlessAgainAndAReleaseRestoresThePrevious() {
        ShopperId shopper = newShopperId();
        ShoppingList list = newList(shopper, "Weekly", item("milk", 1));
        String first = "a".repeat(64);
        String second = "b".repeat(64);

        assertThat(lists().claimSend(shopper, list.id(), first, false, START)).contains(new SendClaim(true, Optional.empty()));
        assertThat(lists().claimSend(shopper, list.id(), first, false, START)).contains(new SendClaim(false, Optional.of(first)));
        assertThat(lists().claimSend(shopper, list.id(), first, true, START)).contains(new SendClaim(true, Optional.of(first)));

        assertThat(lists().claimSend(shopper, list.id(), second, false, START)).contains(new SendClaim(true, Optional.of(first)));
        lists().releaseSend(shopper, list.id(), second, Optional.of(first));
        assertThat(lists().claimSend(shopper, list.id(), first, false, START).orElseThrow().claimed()).isFalse();
    }

    @Test
    default void twentyConcurrentSendsOfTheSameListClaimItOnce() throws Exception {
        ShopperId shopper = newShopperId();
        ShoppingList list = newList(shopper, "Weekly", item("milk", 1));

        List<Boolean> claimed = Race.race(20, i -> lists().claimSend(shopper, list.id(), "c".repeat(64), false, START)
                .orElseThrow().claimed());

        assertThat(claimed).filteredOn(Boolean::booleanValue).hasSize(1);
    }
}
