package org.personalshopper.domain;

import java.util.UUID;

public record CartSubmissionId(UUID value) {
    public CartSubmissionId {
        Check.requireNonNull(value, "cartSubmissionId");
    }

    public static CartSubmissionId random() {
        return new CartSubmissionId(UUID.randomUUID());
    }

    /** Parses an id from a URL or body; anything but a UUID is refused with the field named. */
    public static CartSubmissionId parse(String field, String text) {
        return new CartSubmissionId(Check.uuid(field, text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
