package org.personalshopper.application.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.personalshopper.application.port.out.Clock;
import org.personalshopper.application.port.out.IdentityProvider;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.application.port.out.TokenGrant;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.ProviderFailure;

/**
 * This instance's client-credentials token for calls that act for no shopper (catalog, stores). Cached
 * until shortly before it expires (60 s, or a tenth of its lifetime when that is shorter) and fetched in
 * single flight: however many threads ask at once, the grocer is called once and all share the answer,
 * a failure included.
 */
public final class AppTokens {
    public static final Duration DEFAULT_MARGIN = Duration.ofSeconds(60);

    private record Cached(AccessToken token, Instant renewAt) {
    }

    private final IdentityProvider identityProvider;
    private final Clock clock;
    private final Duration margin;
    private final Object guard = new Object();
    private Cached cached; // guarded by guard
    private CompletableFuture<Cached> inFlight; // guarded by guard

    public AppTokens(IdentityProvider identityProvider, Clock clock) {
        this(identityProvider, clock, DEFAULT_MARGIN);
    }

    public AppTokens(IdentityProvider identityProvider, Clock clock, Duration margin) {
        this.identityProvider = Objects.requireNonNull(identityProvider, "identityProvider");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.margin = Objects.requireNonNull(margin, "margin");
        if (margin.isNegative()) {
            throw new IllegalArgumentException("margin must not be negative");
        }
    }

    /** A valid app token, from the cache or fetched now. @throws ProviderException when the grocer fails */
    public AccessToken current() {
        CompletableFuture<Cached> flight;
        boolean leader = false;
        synchronized (guard) {
            if (cached != null && clock.now().isBefore(cached.renewAt())) {
                return cached.token();
            }
            if (inFlight == null) {
                inFlight = new CompletableFuture<>();
                leader = true;
            }
            flight = inFlight;
        }
        if (leader) {
            return fetch(flight).token();
        }
        return await(flight).token();
    }

    /**
     * Runs {@code call} with the app token; when the grocer answers UNAUTHORIZED the cached token is dropped
     * and the call runs once more with a new one. A second UNAUTHORIZED goes to the caller.
     */
    public <T> T withAppToken(Function<AccessToken, T> call) {
        Objects.requireNonNull(call, "call");
        AccessToken token = current();
        try {
            return call.apply(token);
        } catch (ProviderException e) {
            if (e.failure() != ProviderFailure.UNAUTHORIZED) {
                throw e;
            }
            discard(token);
            return call.apply(current());
        }
    }

    /** Forgets the cached token if it is {@code rejected}; a newer one is kept. */
    public void discard(AccessToken rejected) {
        synchronized (guard) {
            if (cached != null && cached.token().equals(rejected)) {
                cached = null;
            }
        }
    }

    private Cached fetch(CompletableFuture<Cached> flight) {
        try {
            Instant requestedAt = clock.now();
            TokenGrant grant = identityProvider.appToken();
            Cached fresh = new Cached(grant.accessToken(), requestedAt.plus(grant.expiresIn()).minus(marginFor(grant.expiresIn())));
            synchronized (guard) {
                cached = fresh;
                inFlight = null;
            }
            flight.complete(fresh);
            return fresh;
        } catch (RuntimeException | Error e) {
            synchronized (guard) {
                inFlight = null;
            }
            flight.completeExceptionally(e);
            throw e;
        }
    }

    private Duration marginFor(Duration lifetime) {
        Duration tenth = lifetime.dividedBy(10);
        return margin.compareTo(tenth) > 0 ? tenth : margin;
    }

    private static Cached await(CompletableFuture<Cached> flight) {
        try {
            return flight.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ProviderException p) {
                // A copy per waiter, so each thread's exception has its own stack and the same meaning.
                throw new ProviderException(p.failure(), p.reason(), p.retryAfter(), p);
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
