package org.personalshopper.adapters.web.problem;

import java.io.IOException;
import java.time.Duration;

/**
 * A request body did not arrive in time. An {@link IOException}, like {@link PayloadTooLargeException},
 * so the JSON reader passes it on instead of calling the body bad JSON.
 */
public final class RequestBodyTimeoutException extends IOException {
    private final Duration limit;

    public RequestBodyTimeoutException(Duration limit, Throwable cause) {
        super("request body not received within " + limit.toMillis() + " ms", cause);
        this.limit = limit;
    }

    public Duration limit() {
        return limit;
    }
}
