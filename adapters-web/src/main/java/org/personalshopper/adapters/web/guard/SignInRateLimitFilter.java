package org.personalshopper.adapters.web.guard;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.Objects;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.jersey.internal.util.collection.Ref;
import org.personalshopper.adapters.web.problem.Problem;
import org.personalshopper.adapters.web.problem.ProblemType;

/**
 * Starting a sign-in stores a row for a caller nobody knows yet, so {@code GET /auth/login} is the one
 * place an unauthenticated client could grow the database: it answers 429 with {@code Retry-After} past
 * the {@link SignInRateLimit}. Clients are told apart by the connection's address (a forwarded-for header
 * could be forged, so none is trusted).
 */
@SignInStart
public final class SignInRateLimitFilter implements ContainerRequestFilter {
    private final SignInRateLimit limit;

    /**
     * The reference the Grizzly container fills at the start of each request: found in the request scope.
     * A {@code Provider<Request>} made HK2 build Jersey's referencing factory and resolve its injections on
     * every sign-in start (3.6 % of a sign-in's request-thread CPU samples).
     */
    @Inject
    private Provider<Ref<Request>> connection;

    public SignInRateLimitFilter(SignInRateLimit limit) {
        this.limit = Objects.requireNonNull(limit, "limit");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        limit.admit(clientAddress()).ifPresent(wait -> request.abortWith(tooManySignIns().retryAfter(wait).response()));
    }

    public static Problem tooManySignIns() {
        return Problem.of(ProblemType.RATE_LIMITED, 429, "Too many sign-ins",
                "too many sign-ins were started; wait for the time Retry-After gives and start again");
    }

    private String clientAddress() {
        Ref<Request> reference = connection == null ? null : connection.get();
        Request current = reference == null ? null : reference.get();
        String address = current == null ? null : current.getRemoteAddr();
        return address == null ? "unknown" : address;
    }
}
