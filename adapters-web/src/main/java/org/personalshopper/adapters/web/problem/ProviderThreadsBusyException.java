package org.personalshopper.adapters.web.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Objects;

/**
 * Work that would wait on a provider was refused before it started: every provider thread is taken and the
 * queue in front of them is full. Answered 503 provider-busy with Retry-After, never 500. A
 * {@link WebApplicationException} because Jersey maps only those (and what resource methods throw): it is
 * thrown by the executor when Jersey hands a {@code @ManagedAsync} method over, outside the method.
 */
public final class ProviderThreadsBusyException extends WebApplicationException {
    private final Duration retryAfter;

    public ProviderThreadsBusyException(int threads, Duration retryAfter) {
        super("all " + threads + " provider threads are taken and their queue is full", Response.Status.SERVICE_UNAVAILABLE);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
