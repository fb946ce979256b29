package org.personalshopper.application.port.out;

import java.util.List;
import java.util.Objects;
import org.personalshopper.domain.Product;
import org.personalshopper.domain.ProductId;

/**
 * Something that can re-rank and explain the products found for list items, e.g. a language model. It is
 * given only item texts, the shopper's guidance texts and product facts: never a token, a shopper's id or a
 * profile id. Its answer is checked by the caller; it may fail in any way (a {@link ProviderException} or
 * any other runtime exception), and the caller then keeps the rule-based ranking.
 */
public interface ProductPicker {
    /** An item and the products the rules kept for it (avoided ones are never offered). */
    record ItemToPick(String item, List<Product> offered) {
        public ItemToPick {
            Objects.requireNonNull(item, "item");
            offered = List.copyOf(offered);
        }
    }

    /** One product the picker proposes, with its reasons in words. */
    record Choice(ProductId productId, List<String> reasons) {
        public Choice {
            Objects.requireNonNull(productId, "productId");
            reasons = List.copyOf(reasons);
        }
    }

    /** The picker's ranking for one item, best first. */
    record ItemPicks(String item, List<Choice> choices) {
        public ItemPicks {
            Objects.requireNonNull(item, "item");
            choices = List.copyOf(choices);
        }
    }

    /** What the picker is, in words for the shopper ("language model"). */
    String name();

    List<ItemPicks> pick(List<ItemToPick> items, List<String> guidance);
}
