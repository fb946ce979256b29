package org.personalshopper.domain;

/** One shopping preference in the shopper's words ("prefer organic"): trimmed, 1 to 500 characters. */
public record GuidanceText(String value) {
    public static final int MAX_LENGTH = 500;

    public GuidanceText {
        value = Check.text("text", value, 1, MAX_LENGTH);
    }
}
