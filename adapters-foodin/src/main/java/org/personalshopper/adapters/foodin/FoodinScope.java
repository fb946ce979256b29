package org.personalshopper.adapters.foodin;

import java.util.Optional;

/** Foodin's two scopes ({@code FOODIN_SCOPE}); {@code read_write} covers {@code read_only}. */
public enum FoodinScope {
    READ_WRITE("read_write"), READ_ONLY("read_only");

    private final String wireName;

    FoodinScope(String wireName) {
        this.wireName = wireName;
    }

    /** As Foodin spells it: {@code read_write} or {@code read_only}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<FoodinScope> parse(String text) {
        for (FoodinScope scope : values()) {
            if (scope.wireName.equals(text)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
