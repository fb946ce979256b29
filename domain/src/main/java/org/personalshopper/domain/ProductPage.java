package org.personalshopper.domain;

import java.util.List;

/** One page of search results; {@code total} is how many the grocer says match in all. */
public record ProductPage(List<Product> items, int start, int limit, int total) {
    public ProductPage {
        items = List.copyOf(items);
    }
}
