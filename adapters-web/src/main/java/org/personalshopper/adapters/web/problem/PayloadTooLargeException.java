package org.personalshopper.adapters.web.problem;

import java.io.IOException;

/**
 * A request body grew past the limit while it was read. An {@link IOException}, so that the JSON reader
 * passes it on unwrapped (or wrapped, which the mapper looks through) instead of calling it bad JSON.
 */
public final class PayloadTooLargeException extends IOException {
    private final long limitBytes;

    public PayloadTooLargeException(long limitBytes) {
        super("request body larger than " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
