package org.personalshopper.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * The product a shopper picked for one shopping-list item. One per item (case-insensitive): picking again
 * replaces the earlier pick. A shopper keeps at most {@link #MAX_PER_SHOPPER}.
 */
public record Selection(SelectionId id, ShopperId shopperId, ShoppingListItem item, ProductId productId, Upc upc,
                        Optional<String> description, Optional<String> brand, Optional<String> size,
                        Quantity quantity, Instant createdAt, Instant updatedAt) {
    public static final int MAX_PER_SHOPPER = 500;
    public static final int MAX_DESCRIPTION = 500;
    public static final int MAX_BRAND = 200;
    public static final int MAX_SIZE = 100;

    public Selection {
        Check.requireNonNull(id, "id");
        Check.requireNonNull(shopperId, "shopperId");
        Check.requireNonNull(item, "item");
        Check.requireNonNull(productId, "productId");
        Check.requireNonNull(upc, "upc");
        description = optionalText("description", description, MAX_DESCRIPTION);
        brand = optionalText("brand", brand, MAX_BRAND);
        size = optionalText("size", size, MAX_SIZE);
        Check.requireNonNull(quantity, "quantity");
        Check.requireNonNull(createdAt, "createdAt");
        Check.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * The rule of the optional texts (description, brand, size): trimmed, at most {@code max} characters, no
     * control characters, empty when blank. A text that already is all that is kept as it came, Optional and all.
     */
    public static Optional<String> optionalText(String field, Optional<String> value, int max) {
        Check.requireNonNull(value, field);
        if (value.isEmpty()) {
            return value;
        }
        String given = value.get();
        String checked = Check.text(field, given, 0, max);
        if (checked.isEmpty()) {
            return Optional.empty();
        }
        return checked == given ? value : Optional.of(checked);
    }
}
