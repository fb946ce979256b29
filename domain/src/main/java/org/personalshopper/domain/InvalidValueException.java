package org.personalshopper.domain;

/** A value broke one of its rules. {@code field} names the input the caller sent, so it can be shown back. */
public final class InvalidValueException extends IllegalArgumentException {
    private final String field;

    public InvalidValueException(String field, String message) {
        super(message);
        this.field = Check.notBlank("field", field);
    }

    public String field() {
        return field;
    }
}
