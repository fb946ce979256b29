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

    /** Builds domain values from stored rows; the domain's constructors may refuse them. */
    interface Reader<R, T> {
        T read(R rows);
    }

    /**
     * {@code reader}'s value of {@code rows} (a record of {@code table}, or all the records of one fetch); a
     * row the domain refuses fails as {@link StoredRowInvalidException} (our fault), never as the caller's
     * bad input. Every jOOQ record becomes domain values through here, as every {@link PlainSql} row does
     * through its own catch. The try costs nothing while no row is refused.
     */
    static <R, T> T read(String table, R rows, Reader<R, T> reader) {
        try {
            return reader.read(rows);
        } catch (IllegalArgumentException refused) {
            throw StoredRowInvalidException.of(table, refused);
        }
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
