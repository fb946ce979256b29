package org.personalshopper.application.port.out;

import java.util.List;
import org.personalshopper.domain.Product;

/** One page of search results; {@code total} is how many the grocer says match in all. */
public record ProductPage(List<Product> items, int start, int limit, int total) {
    public ProductPage {
        items = List.copyOf(items);
    }
}
