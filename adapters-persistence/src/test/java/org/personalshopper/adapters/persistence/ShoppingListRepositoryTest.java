package org.personalshopper.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.personalshopper.adapters.persistence.jooq.Tables.SHOPPER;
import static org.personalshopper.adapters.persistence.jooq.Tables.SHOPPING_LIST_ITEM;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.contract.ShoppingListRepositoryContract;
import org.personalshopper.application.port.out.ShoppingListRepository;
import org.personalshopper.domain.ListItem;
import org.personalshopper.domain.ListItemId;
import org.personalshopper.domain.Quantity;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.ShoppingList;
import org.personalshopper.domain.ShoppingListId;
import org.personalshopper.domain.ShoppingListItem;

/** The jOOQ ShoppingListRepository against its contract, and what only the database adds. */
class ShoppingListRepositoryTest extends DatabaseTest implements ShoppingListRepositoryContract {
    @Override
    public ShoppingListRepository lists() {
        return persistence.shoppingLists();
    }

    @Test
    void deletingTheShopperDeletesTheirListsAndItems() {
        ShopperId shopper = newShopper().id();
        ListItem milk = new ListItem(ListItemId.random(), new ShoppingListItem("milk"), new Quantity(1), Optional.empty(), false, T0);
        ShoppingList list = new ShoppingList(ShoppingListId.random(), shopper, "Weekly", List.of(milk), T0, T0);
        lists().createIfFewerThan(list, 50);

        persistence.jooq().current().deleteFrom(SHOPPER).where(SHOPPER.ID.eq(shopper.value())).execute();

        assertThat(lists().list(shopper)).isEmpty();
        assertThat(persistence.jooq().current().fetchCount(SHOPPING_LIST_ITEM, SHOPPING_LIST_ITEM.LIST_ID.eq(list.id().value())))
                .isZero();
    }

    @Test
    void aStoredListWhoseNameTheDomainRefusesIsOurFaultNotTheShoppersInput() throws Exception {
        ShopperId shopper = newShopperId();
        ShoppingList list = new ShoppingList(ShoppingListId.random(), shopper, "Weekly", List.of(), T0, T0);
        lists().createIfFewerThan(list, 10);
        rawUpdate("update shopping_list set name = ? where id = ?", "   ", list.id().value());

        assertStoredRowRefused(() -> lists().list(shopper), "shopping_list", "name", "Weekly");
        assertStoredRowRefused(() -> lists().find(shopper, list.id()), "shopping_list", "name", "Weekly");
    }

    @Test
    void aStoredItemWhoseNoteTheDomainRefusesIsOurFaultNotTheShoppersInput() throws Exception {
        ShopperId shopper = newShopperId();
        ListItem milk = new ListItem(ListItemId.random(), new ShoppingListItem("milk"), new Quantity(1), Optional.empty(), false, T0);
        ShoppingList list = new ShoppingList(ShoppingListId.random(), shopper, "Weekly", List.of(milk), T0, T0);
        lists().createIfFewerThan(list, 10);
        rawUpdate("update shopping_list_item set note = ? where id = ?", "Private\u0007note", milk.id().value());

        assertStoredRowRefused(() -> lists().list(shopper), "shopping_list_item", "note", "Private");
        assertStoredRowRefused(() -> lists().find(shopper, list.id()), "shopping_list_item", "note", "Private");
    }
}
