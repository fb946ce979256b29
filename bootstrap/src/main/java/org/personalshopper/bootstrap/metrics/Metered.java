package org.personalshopper.bootstrap.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.personalshopper.application.port.out.AuthorizationRequest;
import org.personalshopper.application.port.out.Cart;
import org.personalshopper.application.port.out.IdentityProvider;
import org.personalshopper.application.port.out.LoginAttemptRepository;
import org.personalshopper.application.port.out.ProductCatalog;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.application.port.out.SessionRepository;
import org.personalshopper.application.port.out.StoreDirectory;
import org.personalshopper.application.port.out.SignInGrant;
import org.personalshopper.application.port.out.TokenGrant;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.Banner;
import org.personalshopper.domain.CartItem;
import org.personalshopper.domain.LoginAttempt;
import org.personalshopper.domain.Product;
import org.personalshopper.domain.ProductId;
import org.personalshopper.domain.ProductPage;
import org.personalshopper.domain.ProductQuery;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.ProviderFailure;
import org.personalshopper.domain.SecretHash;
import org.personalshopper.domain.Session;
import org.personalshopper.domain.Store;
import org.personalshopper.domain.StoreLocationId;
import org.personalshopper.domain.StoreQuery;

/** The decorators of {@link Metering}; each passes every call through unchanged and records what happened. */
final class Metered implements Metering {
    static final String PROVIDER_CALLS = "shopper.provider.calls";
    static final String TOKEN_REFRESHES = "shopper.token.refreshes";
    static final String CART_ADDS = "shopper.cart.adds";
    static final String LOGIN_ATTEMPTS = "shopper.login.attempts";
    static final String SIGN_INS = "shopper.sign.ins";

    private final MeterRegistry registry;
    private final ConcurrentMap<List<String>, Timer> calls = new ConcurrentHashMap<>();

    Metered(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Times one provider call; outcome {@code success}, the {@link ProviderFailure} in lower case, or
     * {@code error} for anything else thrown.
     */
    private <T> T call(String provider, String operation, Supplier<T> work) {
        long started = System.nanoTime();
        String outcome = "error";
        try {
            T result = work.get();
            outcome = "success";
            return result;
        } catch (ProviderException e) {
            outcome = e.failure().name().toLowerCase(Locale.ROOT);
            throw e;
        } finally {
            List<String> series = List.of(provider, operation, outcome);
            calls.computeIfAbsent(series, s -> ServiceMetrics.latency(PROVIDER_CALLS, "Calls to a provider by operation and outcome")
                    .tag("provider", s.get(0)).tag("operation", s.get(1)).tag("outcome", s.get(2))
                    .register(registry)).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private void call(String provider, String operation, Runnable work) {
        call(provider, operation, () -> {
            work.run();
            return null;
        });
    }

    private Counter counter(String name, String description, String outcome) {
        return ServiceMetrics.counter(registry, name, description, outcome);
    }

    @Override
    public IdentityProvider identity(IdentityProvider provider) {
        String name = provider.provider().name();
        Counter refreshed = counter(TOKEN_REFRESHES, "Shopper token refreshes by outcome", "refreshed");
        Counter rejected = counter(TOKEN_REFRESHES, "Shopper token refreshes by outcome", "rejected");
        Counter failed = counter(TOKEN_REFRESHES, "Shopper token refreshes by outcome", "failed");
        return new IdentityProvider() {
            @Override
            public Provider provider() {
                return provider.provider();
            }

            @Override
            public boolean knowsBanner(Banner banner) {
                return provider.knowsBanner(banner);
            }

            @Override
            public boolean usesPkce() {
                return provider.usesPkce();
            }

            @Override
            public URI authorizationUrl(AuthorizationRequest request) {
                return provider.authorizationUrl(request);
            }

            @Override
            public SignInGrant exchangeCode(String code, Optional<String> codeVerifier) {
                return call(name, "exchange_code", () -> provider.exchangeCode(code, codeVerifier));
            }

            /** Rejected: the provider refused the refresh token, so the shopper must sign in again. */
            @Override
            public TokenGrant refresh(String refreshToken) {
                try {
                    TokenGrant grant = call(name, "refresh", () -> provider.refresh(refreshToken));
                    refreshed.increment();
                    return grant;
                } catch (ProviderException e) {
                    boolean refused = e.failure() == ProviderFailure.REJECTED || e.failure() == ProviderFailure.UNAUTHORIZED;
                    (refused ? rejected : failed).increment();
                    throw e;
                } catch (RuntimeException e) {
                    failed.increment();
                    throw e;
                }
            }

            @Override
            public TokenGrant appToken() {
                return call(name, "app_token", provider::appToken);
            }
        };
    }

    @Override
    public ProductCatalog catalog(String provider, ProductCatalog catalog) {
        return new ProductCatalog() {
            @Override
            public ProductPage search(ProductQuery query, AccessToken appToken) {
                return call(provider, "product_search", () -> catalog.search(query, appToken));
            }

            @Override
            public Optional<Product> find(ProductId productId, Optional<StoreLocationId> locationId, AccessToken appToken) {
                return call(provider, "product_find", () -> catalog.find(productId, locationId, appToken));
            }
        };
    }

    @Override
    public StoreDirectory stores(String provider, StoreDirectory stores) {
        return new StoreDirectory() {
            @Override
            public List<Store> search(StoreQuery query, AccessToken appToken) {
                return call(provider, "store_search", () -> stores.search(query, appToken));
            }

            @Override
            public Optional<Store> find(StoreLocationId locationId, AccessToken appToken) {
                return call(provider, "store_find", () -> stores.find(locationId, appToken));
            }
        };
    }

    /** Unknown: the provider may have added the items although the call failed (see ProviderFailure). */
    @Override
    public Cart cart(String provider, Cart cart) {
        Counter added = counter(CART_ADDS, "Cart adds at the provider by outcome", "added");
        Counter failed = counter(CART_ADDS, "Cart adds at the provider by outcome", "failed");
        Counter unknown = counter(CART_ADDS, "Cart adds at the provider by outcome", "unknown");
        return (List<CartItem> items, AccessToken shopperToken) -> {
            try {
                call(provider, "cart_add", () -> cart.add(items, shopperToken));
                added.increment();
            } catch (ProviderException e) {
                (e.failure().mayHaveTakenEffect() ? unknown : failed).increment();
                throw e;
            } catch (RuntimeException e) {
                unknown.increment();
                throw e;
            }
        };
    }

    /** Started: a browser was sent to the provider; returned: it came back with a live state; unknown_state: not. */
    @Override
    public LoginAttemptRepository loginAttempts(LoginAttemptRepository attempts) {
        Counter started = counter(LOGIN_ATTEMPTS, "Sign-ins started, and callbacks by whether their state was live", "started");
        Counter returned = counter(LOGIN_ATTEMPTS, "Sign-ins started, and callbacks by whether their state was live", "returned");
        Counter unknown = counter(LOGIN_ATTEMPTS, "Sign-ins started, and callbacks by whether their state was live", "unknown_state");
        return new LoginAttemptRepository() {
            @Override
            public void save(LoginAttempt attempt) {
                attempts.save(attempt);
                started.increment();
            }

            @Override
            public Optional<LoginAttempt> take(SecretHash stateHash) {
                Optional<LoginAttempt> taken = attempts.take(stateHash);
                (taken.isPresent() ? returned : unknown).increment();
                return taken;
            }

            @Override
            public int deleteExpired(java.time.Instant now) {
                return attempts.deleteExpired(now);
            }

            @Override
            public boolean saveUnlessFull(LoginAttempt attempt, int maxPending) {
                boolean saved = attempts.saveUnlessFull(attempt, maxPending);
                if (saved) {
                    started.increment();
                }
                return saved;
            }
        };
    }

    /** A session is created exactly when a sign-in completes. */
    @Override
    public SessionRepository sessions(SessionRepository sessions) {
        Counter signIns = Counter.builder(SIGN_INS).description("Completed sign-ins (sessions created)").register(registry);
        return new SessionRepository() {
            @Override
            public void create(Session session) {
                sessions.create(session);
                signIns.increment();
            }

            @Override
            public Optional<Session> find(SecretHash idHash) {
                return sessions.find(idHash);
            }

            @Override
            public void touch(SecretHash idHash, java.time.Instant usedAt) {
                sessions.touch(idHash, usedAt);
            }

            @Override
            public void delete(SecretHash idHash) {
                sessions.delete(idHash);
            }

            @Override
            public int deleteExpired(java.time.Instant idleCutoff, java.time.Instant absoluteCutoff) {
                return sessions.deleteExpired(idleCutoff, absoluteCutoff);
            }

            @Override
            public int deleteAll(org.personalshopper.domain.ShopperId shopperId) {
                return sessions.deleteAll(shopperId);
            }

            @Override
            public int createKeepingNewest(Session session, int keep) {
                int ended = sessions.createKeepingNewest(session, keep);
                signIns.increment();
                return ended;
            }
        };
    }
}
