package org.personalshopper.adapters.web.resource;

import java.util.List;

/** Every list answer: {@code {"items":[...]}}, so fields can be added beside the list later. */
public record Items<T>(List<T> items) {
    public Items {
        items = List.copyOf(items);
    }
}
