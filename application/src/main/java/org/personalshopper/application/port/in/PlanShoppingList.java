package org.personalshopper.application.port.in;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.personalshopper.domain.ListItemId;
import org.personalshopper.domain.Price;
import org.personalshopper.domain.ProductId;
import org.personalshopper.domain.Quantity;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.ShoppingListId;
import org.personalshopper.domain.Upc;

/**
 * Proposes products for every open item of a list at the shopper's preferred store: the pick the shopper
 * confirmed earlier for the same item (no search needed), or up to {@link #MAX_CANDIDATES} products ranked
 * by the shopper's guidance, each with a score and reasons, or why there is no match. One catalog search per
 * distinct item; when the catalog's quota runs out part-way, the plan is partial and names the items that
 * could not be searched.
 */
public interface PlanShoppingList {
    int MAX_CANDIDATES = 3;

    record PlanCommand(ShopperId shopperId, ShoppingListId listId) {
        public PlanCommand {
            Objects.requireNonNull(shopperId, "shopperId");
            Objects.requireNonNull(listId, "listId");
        }
    }

    enum ItemStatus {
        /** The shopper's confirmed pick for this item; the first candidate is it. */
        CHOSEN,
        /** Ranked candidates to confirm. */
        PROPOSED,
        /** Nothing to propose; the reason says why. */
        NO_MATCH,
        /** The catalog could not be asked for this item (its quota ran out, or it failed); try again later. */
        NOT_SEARCHED
    }

    /** A product proposed for an item; price is known when the store says it. */
    record Candidate(ProductId productId, Upc upc, String description, Optional<String> brand, Optional<String> size,
                     Optional<Price> price, int score, List<String> reasons) {
        public Candidate {
            Objects.requireNonNull(productId, "productId");
            Objects.requireNonNull(upc, "upc");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(brand, "brand");
            Objects.requireNonNull(size, "size");
            Objects.requireNonNull(price, "price");
            reasons = List.copyOf(reasons);
        }
    }

    record ItemPlan(ListItemId itemId, String text, Quantity quantity, ItemStatus status, String reason,
                    List<Candidate> candidates) {
        public ItemPlan {
            Objects.requireNonNull(itemId, "itemId");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(reason, "reason");
            candidates = List.copyOf(candidates);
        }
    }

    /**
     * The plan, item by item in list order. {@code complete} is false when some items could not be searched;
     * {@code retryAfter} then says when the catalog expects to be asked again, when it said. {@code pickedBy}
     * names who ranked the proposals ("rules" or "language model"); {@code notes} tell the shopper what else
     * matters (guidance that could not be read, the model's fallback).
     */
    record ListPlan(ShoppingListId listId, List<ItemPlan> items, boolean complete, Optional<Duration> retryAfter,
                    String pickedBy, List<String> notes) {
        public ListPlan {
            Objects.requireNonNull(listId, "listId");
            items = List.copyOf(items);
            Objects.requireNonNull(retryAfter, "retryAfter");
            Objects.requireNonNull(pickedBy, "pickedBy");
            notes = List.copyOf(notes);
        }
    }

    /**
     * @throws NotFoundException when the shopper has no such list
     * @throws NoPreferredStoreException when the shopper has not chosen a store
     */
    ListPlan plan(PlanCommand command);
}
