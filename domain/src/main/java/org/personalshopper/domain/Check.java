package org.personalshopper.domain;

import java.util.Objects;
import java.util.UUID;

/** Shared rule checks for value constructors; each failure names the field it concerns. */
public final class Check {
    private Check() {
    }

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidValueException(field, "is required");
        }
        return value;
    }

    public static String notBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, "must not be blank");
        }
        return value;
    }

    /** The one parse rule of the UUID ids (selection, guidance, cart submission): anything else is refused. */
    public static UUID uuid(String field, String text) {
        present(field, text);
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, "must be a UUID");
        }
    }

    /** Trims and checks the length in code points; control characters are refused. */
    public static String text(String field, String value, int min, int max) {
        present(field, value);
        String trimmed = value.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length < min || length > max) {
            throw new InvalidValueException(field, min == max
                    ? "must be " + min + " characters"
                    : "must be " + min + " to " + max + " characters");
        }
        if (trimmed.codePoints().anyMatch(c -> Character.isISOControl(c))) {
            throw new InvalidValueException(field, "must not contain control characters");
        }
        return trimmed;
    }

    public static String matches(String field, String value, String regex, String rule) {
        present(field, value);
        if (!value.matches(regex)) {
            throw new InvalidValueException(field, rule);
        }
        return value;
    }

    public static int between(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidValueException(field, "must be between " + min + " and " + max);
        }
        return value;
    }

    static void requireNonNull(Object value, String what) {
        Objects.requireNonNull(value, what + " is required");
    }
}
