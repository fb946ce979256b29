package org.personalshopper.adapters.persistence;

import org.personalshopper.domain.InvalidValueException;

/**
 * A stored row the domain refuses: written by an older version, by hand, or damaged. That is our fault, not
 * the caller's input, so it must not leave a repository as the domain's {@link InvalidValueException}, which
 * a driving adapter answers as a bad request naming a field the caller never sent. As an
 * {@link IllegalStateException} it is answered like any other fault (500 with an incident id). Not in the
 * storage port: no caller can do anything about it but report it. The message names the table and the
 * field, never the stored value, which may be personal data: the message and its causes end up in the log.
 */
final class StoredRowInvalidException extends IllegalStateException {
    private StoredRowInvalidException(String message, Throwable cause) {
        super(message, cause);
    }

    private StoredRowInvalidException(String message) {
        super(message);
    }

    /** {@code refusal}, thrown while building domain values from a row of {@code table}, as our fault. */
    static StoredRowInvalidException of(String table, IllegalArgumentException refusal) {
        if (refusal instanceof InvalidValueException invalid) {
            // Its message is the rule that is shown back to clients ("must not contain control characters"), never the value.
            return new StoredRowInvalidException("a stored row of " + table + " fails the domain's check of "
                    + invalid.field() + " (" + invalid.getMessage() + ")", invalid);
        }
        // Any other refusal's message may quote the value (Enum.valueOf's does): only its kind is kept, and its
        // stack trace, which leads from the repository's read to the check that refused.
        StoredRowInvalidException fault = new StoredRowInvalidException("a stored row of " + table
                + " fails a domain check (" + refusal.getClass().getSimpleName() + ")");
        fault.setStackTrace(refusal.getStackTrace());
        return fault;
    }
}
