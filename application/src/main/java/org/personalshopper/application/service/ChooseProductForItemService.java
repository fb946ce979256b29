package org.personalshopper.application.service;

import java.util.Objects;
import java.util.Optional;
import org.personalshopper.application.port.in.ChooseProductForItem;
import org.personalshopper.application.port.in.NotFoundException;
import org.personalshopper.application.port.in.UnknownProductException;
import org.personalshopper.application.port.out.Clock;
import org.personalshopper.application.port.out.ProductCatalog;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.application.port.out.SelectionRepository;
import org.personalshopper.application.port.out.ShopperRepository;
import org.personalshopper.application.port.out.ShoppingListRepository;
import org.personalshopper.domain.ListItem;
import org.personalshopper.domain.Product;
import org.personalshopper.domain.ProviderFailure;
import org.personalshopper.domain.Selection;
import org.personalshopper.domain.Shopper;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.ShoppingListId;
import org.personalshopper.domain.ListItemId;

/**
 * Saves the product a shopper confirmed for a list item as the selection for the item's text. The product's
 * facts (UPC, description, brand, size) come from the catalog, at the shopper's store when they chose one,
 * so a client cannot save a pick that does not exist.
 */
public final class ChooseProductForItemService implements ChooseProductForItem {
    private final ShoppingListRepository lists;
    private final ShopperRepository shoppers;
    private final SelectionRepository selections;
    private final ProductCatalog catalog;
    private final AppTokens appTokens;
    private final Clock clock;

    public ChooseProductForItemService(ShoppingListRepository lists, ShopperRepository shoppers, SelectionRepository selections,
                                       ProductCatalog catalog, AppTokens appTokens, Clock clock) {
        this.lists = Objects.requireNonNull(lists, "lists");
        this.shoppers = Objects.requireNonNull(shoppers, "shoppers");
        this.selections = Objects.requireNonNull(selections, "selections");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.appTokens = Objects.requireNonNull(appTokens, "appTokens");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Selection choose(ChooseProduct command) {
        Objects.requireNonNull(command, "command");
        ListItem item = item(command.shopperId(), command.listId(), command.itemId());
        Product product;
        try {
            var store = shoppers.find(command.shopperId()).flatMap(Shopper::preferredLocation);
            product = appTokens.withAppToken(token -> catalog.find(command.productId(), store, token))
                    .orElseThrow(() -> new UnknownProductException(command.productId()));
        } catch (ProviderException e) {
            if (e.failure() == ProviderFailure.NOT_FOUND) {
                throw new UnknownProductException(command.productId());
            }
            throw ProviderOutcomes.failed(e);
        }
        SelectionRepository.Pick pick = new SelectionRepository.Pick(command.shopperId(), item.text(), product.productId(),
                product.upc(), Optional.of(product.description()), product.brand(), product.size(), item.quantity(), clock.now());
        return PickKeeping.keep(selections, pick).selection();
    }

    @Override
    public void forget(ShopperId shopperId, ShoppingListId listId, ListItemId itemId) {
        ListItem item = item(shopperId, listId, itemId);
        Selection pick = selections.list(shopperId).stream().filter(s -> s.item().key().equals(item.text().key())).findFirst()
                .orElseThrow(() -> new NotFoundException("choice"));
        if (!selections.delete(shopperId, pick.id())) {
            throw new NotFoundException("choice");
        }
    }

    private ListItem item(ShopperId shopperId, ShoppingListId listId, ListItemId itemId) {
        return lists.find(shopperId, listId).orElseThrow(() -> new NotFoundException("list"))
                .item(itemId).orElseThrow(() -> new NotFoundException("item"));
    }
}
