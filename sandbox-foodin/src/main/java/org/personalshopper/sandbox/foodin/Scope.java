package org.personalshopper.sandbox.foodin;

import java.util.Optional;

/** Foodin's two scopes; {@code read_write} covers {@code read_only}. */
enum Scope {
    READ_WRITE("read_write"), READ_ONLY("read_only");

    private final String wireName;

    Scope(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    static Optional<Scope> parse(String text) {
        for (Scope scope : values()) {
            if (scope.wireName.equals(text)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }

    /** Whether a token of this scope may be refreshed into one of {@code narrower}: equal or narrower only. */
    boolean covers(Scope narrower) {
        return this == READ_WRITE || narrower == READ_ONLY;
    }
}
