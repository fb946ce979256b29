package org.personalshopper.domain.picking;

import java.util.List;
import java.util.Objects;
import org.personalshopper.domain.Product;

/** A product proposed for an item: its score (0 to 100, higher is better) and the reasons, in words. */
public record RankedProduct(Product product, int score, List<String> reasons) {
    public RankedProduct {
        Objects.requireNonNull(product, "product");
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be 0 to 100");
        }
        reasons = List.copyOf(reasons);
    }
}
