package org.personalshopper.adapters.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Conversions shared by the repositories. */
final class Rows {
    private Rows() {
    }

    /** PostgreSQL keeps microseconds: truncating before the write makes what is read back equal what was written. */
    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(micros(instant), ZoneOffset.UTC);
    }

    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static Instant instant(OffsetDateTime value) {
        return value.toInstant();
    }

    static Optional<Instant> instant(Optional<OffsetDateTime> value) {
        return value.map(OffsetDateTime::toInstant);
    }

    /** Cuts text to fit a varchar column without splitting a surrogate pair. */
    static String fit(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = maxChars;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
