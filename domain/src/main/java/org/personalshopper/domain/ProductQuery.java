package org.personalshopper.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A product search. {@code term} is at least 3 characters; prices and stock need a {@code locationId}.
 * {@code start} is the number of results to skip (0 to 250), {@code limit} 1 to 50.
 */
public record ProductQuery(String term, Optional<StoreLocationId> locationId, Optional<String> brand, int start, int limit) {
    public static final int MAX_LIMIT = 50;
    public static final int MAX_START = 250;
    public static final int DEFAULT_LIMIT = 10;

    public ProductQuery {
        if (term == null || term.strip().length() < 3) {
            throw new InvalidValueException("term", "must be at least 3 characters");
        }
        term = term.strip();
        if (term.length() > 100 || term.split("\\s+").length > 8) {
            throw new InvalidValueException("term", "must be at most 100 characters and 8 words");
        }
        Objects.requireNonNull(locationId, "locationId");
        Objects.requireNonNull(brand, "brand");
        brand = brand.map(String::strip).filter(b -> !b.isEmpty());
        if (brand.isPresent() && brand.get().length() > 100) {
            throw new InvalidValueException("brand", "must be at most 100 characters");
        }
        if (start < 0 || start > MAX_START) {
            throw new InvalidValueException("start", "must be between 0 and " + MAX_START);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }
}
