package org.personalshopper.domain;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Shared rule checks for value constructors; each failure names the field it concerns. They run for every
 * value of every row read back, so a passing check does no more than the test itself: patterns are compiled
 * once, and messages are built only when a check fails.
 */
public final class Check {
    /** Compiled once per rule; the keys are the few pattern literals of the value types. */
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

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
        // Every ISO control character is in the BMP, so looking at chars finds exactly those code points.
        for (int i = 0; i < trimmed.length(); i++) {
            if (Character.isISOControl(trimmed.charAt(i))) {
                throw new InvalidValueException(field, "must not contain control characters");
            }
        }
        return trimmed;
    }

    public static String matches(String field, String value, String regex, String rule) {
        present(field, value);
        if (!PATTERNS.computeIfAbsent(regex, Pattern::compile).matcher(value).matches()) {
            throw new InvalidValueException(field, rule);
        }
        return value;
    }

    /**
     * {@code value} when it is {@code min} to {@code max} characters, each of them in {@code allowed}: the
     * rule of a code or id ({@code [0-9]{1,14}}) as one pass over the chars, without a regular expression's
     * matcher, since it runs for every value of every row read back.
     */
    public static String chars(String field, String value, Chars allowed, int min, int max, String rule) {
        present(field, value);
        int length = value.length();
        if (length < min || length > max) {
            throw new InvalidValueException(field, rule);
        }
        for (int i = 0; i < length; i++) {
            if (!allowed.has(value.charAt(i))) {
                throw new InvalidValueException(field, rule);
            }
        }
        return value;
    }

    /** A set of ASCII characters, e.g. {@code Chars.of("0-9a-f")}: ranges {@code a-z} and single characters. */
    public static final class Chars {
        private final long low;
        private final long high;

        private Chars(long low, long high) {
            this.low = low;
            this.high = high;
        }

        /** The characters of {@code spec}, read as in a regular expression's class, e.g. {@code "A-Za-z0-9._~-"}. */
        public static Chars of(String spec) {
            long low = 0;
            long high = 0;
            for (int i = 0; i < spec.length(); i++) {
                char from = spec.charAt(i);
                char to = from;
                if (i + 2 < spec.length() && spec.charAt(i + 1) == '-') {
                    to = spec.charAt(i + 2);
                    i += 2;
                }
                if (from > to || to > 127) {
                    throw new IllegalArgumentException("not a set of ASCII characters: " + spec);
                }
                for (char c = from; c <= to; c++) {
                    if (c < 64) {
                        low |= 1L << c;
                    } else {
                        high |= 1L << (c - 64);
                    }
                }
            }
            return new Chars(low, high);
        }

        public boolean has(char c) {
            return c < 64 ? (low & (1L << c)) != 0 : c < 128 && (high & (1L << (c - 64))) != 0;
        }
    }

    public static int between(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidValueException(field, "must be between " + min + " and " + max);
        }
        return value;
    }

    static void requireNonNull(Object value, String what) {
        if (value == null) {
            throw new NullPointerException(what + " is required");
        }
    }
}
