package org.personalshopper.bootstrap;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.personalshopper.application.port.out.AuthorizationRequest;
import org.personalshopper.application.port.out.Cart;
import org.personalshopper.application.port.out.IdentityProvider;
import org.personalshopper.application.port.out.ProductCatalog;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.application.port.out.StoreDirectory;
import org.personalshopper.application.port.out.TokenGrant;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.Banner;
import org.personalshopper.domain.CartItem;
import org.personalshopper.domain.Product;
import org.personalshopper.domain.ProductId;
import org.personalshopper.domain.ProductPage;
import org.personalshopper.domain.ProductQuery;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.ProviderFailure;
import org.personalshopper.domain.Store;
import org.personalshopper.domain.StoreLocationId;
import org.personalshopper.domain.StoreQuery;

/**
 * A bulkhead per provider: at most {@code maxCalls} calls to one provider are in flight at once, across all
 * its ports. When all places are taken, the next call is not sent: if the calls in flight have been waiting
 * for longer than {@link #SLOW_AFTER} the provider is slow and the call is refused at once as
 * {@link ProviderFailure#BUSY} (503 with Retry-After); otherwise (a burst at a provider that keeps up) it
 * waits up to {@link #SLOW_AFTER} for a place, then is refused. So a slow provider holds at most
 * {@code maxCalls} request threads (and, during token refreshes, database connections) plus callers for a
 * second, and everything that does not need it goes on. See docs/adr/0005-concurrency-model.md.
 */
final class ProviderCallLimit {
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    /** A call in flight for longer than this means the provider is slow, not just busy. */
    static final Duration SLOW_AFTER = Duration.ofSeconds(1);

    private final Provider provider;
    private final int maxCalls;
    private final Semaphore permits;
    /** When each call in flight started, by call number: read only when every place is taken. */
    private final Map<Long, Long> startedAt = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    ProviderCallLimit(Provider provider, int maxCalls) {
        this.provider = Objects.requireNonNull(provider, "provider");
        if (maxCalls < 1) {
            throw new IllegalArgumentException("maxCalls must be positive");
        }
        this.maxCalls = maxCalls;
        this.permits = new Semaphore(maxCalls, true);
    }

    /** Calls in flight to this provider right now. */
    int inFlight() {
        return maxCalls - permits.availablePermits();
    }

    <T> T call(Supplier<T> call) {
        if (!permits.tryAcquire() && (providerIsSlow() || !waitForAPlace())) {
            throw new ProviderException(ProviderFailure.BUSY, maxCalls + " calls are already waiting on " + provider
                    + "; this one was not sent", Optional.of(RETRY_AFTER), null);
        }
        Long number = calls.incrementAndGet();
        startedAt.put(number, System.nanoTime());
        try {
            return call.get();
        } finally {
            startedAt.remove(number);
            permits.release();
        }
    }

    /** The oldest call in flight has waited longer than {@link #SLOW_AFTER}. */
    private boolean providerIsSlow() {
        long now = System.nanoTime();
        return startedAt.values().stream().anyMatch(started -> now - started > SLOW_AFTER.toNanos());
    }

    private boolean waitForAPlace() {
        try {
            return permits.tryAcquire(SLOW_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    IdentityProvider limit(IdentityProvider identity) {
        return new IdentityProvider() {
            @Override
            public Provider provider() {
                return identity.provider();
            }

            @Override
            public boolean knowsBanner(Banner banner) {
                return identity.knowsBanner(banner);
            }

            @Override
            public boolean usesPkce() {
                return identity.usesPkce();
            }

            @Override
            public URI authorizationUrl(AuthorizationRequest request) {
                return identity.authorizationUrl(request); // built locally, nothing is sent
            }

            @Override
            public TokenGrant exchangeCode(String code, Optional<String> codeVerifier) {
                return call(() -> identity.exchangeCode(code, codeVerifier));
            }

            @Override
            public TokenGrant refresh(String refreshToken) {
                return call(() -> identity.refresh(refreshToken));
            }

            @Override
            public TokenGrant appToken() {
                return call(identity::appToken);
            }

            @Override
            public ProfileId profile(AccessToken shopperToken) {
                return call(() -> identity.profile(shopperToken));
            }
        };
    }

    ProductCatalog limit(ProductCatalog catalog) {
        return new ProductCatalog() {
            @Override
            public ProductPage search(ProductQuery query, AccessToken appToken) {
                return call(() -> catalog.search(query, appToken));
            }

            @Override
            public Optional<Product> find(ProductId productId, Optional<StoreLocationId> locationId, AccessToken appToken) {
                return call(() -> catalog.find(productId, locationId, appToken));
            }
        };
    }

    StoreDirectory limit(StoreDirectory stores) {
        return new StoreDirectory() {
            @Override
            public List<Store> search(StoreQuery query, AccessToken appToken) {
                return call(() -> stores.search(query, appToken));
            }

            @Override
            public Optional<Store> find(StoreLocationId locationId, AccessToken appToken) {
                return call(() -> stores.find(locationId, appToken));
            }
        };
    }

    Cart limit(Cart cart) {
        return (items, shopperToken) -> call(() -> {
            cart.add(items, shopperToken);
            return null;
        });
    }
}
