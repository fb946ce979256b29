package org.personalshopper.adapters.persistence;

import org.junit.jupiter.api.Test;
import java.util.List;
import java.time.Instant;
import java.util.Optional;
import org.personalshopper.application.contract.SelectionRepositoryContract;
import org.personalshopper.application.port.out.SelectionRepository;
import org.personalshopper.domain.ProductId;
import org.personalshopper.domain.Quantity;
import org.personalshopper.domain.Selection;
import org.personalshopper.domain.SelectionId;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.ShoppingListItem;
import org.personalshopper.domain.Upc;

/** The jOOQ SelectionRepository against its contract, and what only the database adds. */
class SelectionRepositoryTest extends DatabaseTest implements SelectionRepositoryContract {
    @Override
    public SelectionRepository selections() {
        return persistence.selections();
    }

    private static Selection pick(ShopperId shopper, String item, String productId, Instant at) {
        return new Selection(SelectionId.random(), shopper, new ShoppingListItem(item), new ProductId(productId),
                new Upc(productId), Optional.of("Simple Truth Organic 2% Milk"), Optional.of("Simple Truth"),
                Optional.of("1/2 gal"), new Quantity(2), at, at);
    }

    private static Selection stored(Selection s) {
        return new Selection(s.id(), s.shopperId(), s.item(), s.productId(), s.upc(), s.description(), s.brand(), s.size(),
                s.quantity(), micros(s.createdAt()), micros(s.updatedAt()));
    }

    @Test
    void aStoredPickWhoseTextTheDomainRefusesIsOurFaultNotTheShoppersInput() throws Exception {
        ShopperId shopper = newShopperId();
        Selection milk = pick(shopper, "milk", "1111041700", T0);
        selections().save(milk, 10);
        // no database constraint matches the domain's text rule (no control characters)
        rawUpdate("update selection set description = ? where id = ?", "Private\u0007Label Milk", milk.id().value());

        assertStoredRowRefused(() -> selections().list(shopper), "selection", "description", "Private");
        assertStoredRowRefused(() -> selections().find(shopper, List.of(milk.id())), "selection", "description", "Private");
    }

    @Test
    void aStoredPickWhoseUpcIsNotDigitsIsOurFault() throws Exception {
        ShopperId shopper = newShopperId();
        Selection bread = pick(shopper, "bread", "1111041701", T0);
        selections().save(bread, 10);
        rawUpdate("update selection set upc = ? where id = ?", "PRIVATE-UPC", bread.id().value());

        assertStoredRowRefused(() -> selections().list(shopper), "selection", "upc", "PRIVATE");
        assertStoredRowRefused(() -> selections().find(shopper, List.of(bread.id())), "selection", "upc", "PRIVATE");
    }
}
