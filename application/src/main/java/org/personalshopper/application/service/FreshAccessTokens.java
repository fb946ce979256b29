package org.personalshopper.application.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.personalshopper.application.port.in.ProviderConnectionUnavailableException;
import org.personalshopper.application.port.in.ProviderFailedException;
import org.personalshopper.application.port.in.ConnectionStatus;
import org.personalshopper.application.port.in.ConnectionRequiredException;
import org.personalshopper.application.port.in.SignInRequiredException;
import org.personalshopper.application.port.out.Clock;
import org.personalshopper.application.port.out.IdentityProvider;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.application.port.out.ConfiguredProvider;
import org.personalshopper.application.port.out.ConnectionRepository;
import org.personalshopper.application.port.out.ConnectionSummary;
import org.personalshopper.application.port.out.ProviderRegistry;
import org.personalshopper.application.port.out.TokenGrant;
import org.personalshopper.application.port.out.Transactions;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.Capability;
import org.personalshopper.domain.Connection;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.ProviderFailure;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.TokenSet;

/**
 * Keeps each connection's access token fresh, refreshed with the provider of that connection. Refreshes proactively (expired or within the skew), and once
 * reactively when the grocer answers 401. At most one refresh per shopper at a time: an in-process lock
 * lines up this instance's threads, and the token row lock ({@link ConnectionRepository#findForUpdate}) lines
 * up instances sharing the database. Rotated refresh tokens are stored with the access token in one write.
 * See docs/token-refresh.md.
 *
 * <p>A collaborator of the use cases that act with the shopper's token (like {@link AppTokens} for the
 * app's token), not a use case of its own: no driving adapter calls it.
 */
public final class FreshAccessTokens {
    public static final Duration DEFAULT_REFRESH_SKEW = Duration.ofSeconds(60);

    private final ProviderRegistry providers;
    private final ConnectionRepository tokens;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration refreshSkew;
    private final InProcessShopperLocks locks = new InProcessShopperLocks();

    public FreshAccessTokens(ProviderRegistry providers, ConnectionRepository tokens, Transactions transactions,
                               Clock clock) {
        this(providers, tokens, transactions, clock, DEFAULT_REFRESH_SKEW);
    }

    public FreshAccessTokens(ProviderRegistry providers, ConnectionRepository tokens, Transactions transactions,
                               Clock clock, Duration refreshSkew) {
        this.providers = Objects.requireNonNull(providers, "providers");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refreshSkew = Objects.requireNonNull(refreshSkew, "refreshSkew");
        if (refreshSkew.isNegative()) {
            throw new IllegalArgumentException("refreshSkew must not be negative");
        }
    }

    /**
     * A usable access token of the shopper's connection to the provider, refreshed first when expired or
     * close to it.
     *
     * @throws SignInRequiredException when the connection's tokens are unusable or the provider refused the refresh
     * @throws ConnectionRequiredException when the shopper has no connection to the provider
     * @throws ProviderConnectionUnavailableException when a needed refresh failed for a passing reason
     * @throws ProviderFailedException when the provider refused this app's own credentials on the refresh
     */
    public AccessToken freshAccessToken(ShopperId shopperId, Provider provider, Capability neededFor) {
        Objects.requireNonNull(shopperId, "shopperId");
        Objects.requireNonNull(provider, "provider");
        Connection current = tokens.find(shopperId, provider)
                .orElseThrow(() -> new ConnectionRequiredException(provider, neededFor));
        if (!current.usable()) {
            throw signInRequired();
        }
        if (!current.tokens().needsRefresh(clock.now(), refreshSkew)) {
            return current.tokens().accessToken();
        }
        return refreshUnlessDone(shopperId, provider, stored -> stored.needsRefresh(clock.now(), refreshSkew));
    }

    /**
     * Runs {@code call} with a fresh token; when the provider answers it with UNAUTHORIZED, refreshes once and
     * runs it once more. A second UNAUTHORIZED is thrown, not looped on.
     */
    public <T> T withFreshToken(ShopperId shopperId, Provider provider, Capability neededFor,
                                Function<AccessToken, T> call) {
        Objects.requireNonNull(call, "call");
        AccessToken token = freshAccessToken(shopperId, provider, neededFor);
        try {
            return call.apply(token);
        } catch (ProviderException e) {
            if (e.failure() != ProviderFailure.UNAUTHORIZED) {
                throw e;
            }
            // The grocer refused a token we thought valid (revoked, clock drift). Refresh unless someone
            // already replaced the rejected token, then try exactly once more; a second 401 goes to the caller.
            AccessToken renewed = refreshUnlessDone(shopperId, provider,
                    stored -> stored.accessToken().equals(token) || stored.needsRefresh(clock.now(), refreshSkew));
            return call.apply(renewed);
        }
    }

    /** Whether the shopper has a connection to the provider, usable or not. */
    public boolean hasConnection(ShopperId shopperId, Provider provider) {
        return tokens.find(shopperId, provider).isPresent();
    }

    /**
     * The shopper's connections, oldest first: whether each is usable, and until when its access token lasts
     * (only said of a usable one). Read without the tokens: showing a status decrypts nothing.
     */
    public List<ConnectionStatus> status(ShopperId shopperId) {
        return statuses(tokens.summaries(shopperId));
    }

    /** The statuses these summaries tell: an expiry is said only of a usable connection. */
    static List<ConnectionStatus> statuses(List<ConnectionSummary> summaries) {
        return summaries.stream()
                .map(c -> new ConnectionStatus(c.provider(), c.profileId(), c.usable(),
                        c.usable() ? Optional.of(c.accessTokenExpiresAt()) : Optional.empty()))
                .toList();
    }

    /** How many shoppers this instance is refreshing or waiting to refresh right now. */
    int shoppersRefreshing() {
        return locks.size();
    }

    /**
     * Refreshes under both locks when {@code stillNeeded} holds for the row as re-read under the row lock;
     * otherwise another thread or instance already refreshed and its token is used.
     */
    private AccessToken refreshUnlessDone(ShopperId shopperId, Provider provider, Predicate<TokenSet> stillNeeded) {
        Optional<ConfiguredProvider> configured = providers.find(provider);
        if (configured.isEmpty()) {
            // The operator turned this provider off: its tokens cannot be renewed here.
            throw signInRequired();
        }
        IdentityProvider identityProvider = configured.get().signIn();
        // In-process first: waiting threads hold no database connection, only the one refreshing does.
        Outcome outcome = locks.whileHolding(shopperId, () -> transactions.inTransaction(() -> {
            Optional<Connection> locked = tokens.findForUpdate(shopperId, provider);
            if (locked.isEmpty() || !locked.get().usable()) {
                return Outcome.signInRequired();
            }
            TokenSet stored = locked.get().tokens();
            if (!stillNeeded.test(stored)) {
                return Outcome.token(stored.accessToken());
            }
            Instant requestedAt = clock.now();
            TokenGrant grant;
            try {
                // Called while the row stays locked: a rotated refresh token must never be used twice.
                grant = identityProvider.refresh(stored.refreshToken());
            } catch (ProviderException e) {
                if (e.failure() == ProviderFailure.REJECTED) {
                    tokens.markUnusable(shopperId, provider);
                    return Outcome.signInRequired(); // returned, not thrown, so the mark commits
                }
                return Outcome.unavailable(e);
            }
            TokenSet renewed = stored.refreshedWith(grant.accessToken(), grant.refreshToken(), requestedAt, grant.expiresIn());
            tokens.saveTokens(shopperId, provider, renewed);
            return Outcome.token(renewed.accessToken());
        }));
        return outcome.tokenOrThrow();
    }

    private static SignInRequiredException signInRequired() {
        return new SignInRequiredException("the shopper must sign in with the grocer again");
    }

    /** The result of a refresh attempt, carried out of the transaction so it commits before we throw. */
    private record Outcome(Optional<AccessToken> token, Optional<ProviderException> outage) {
        static Outcome token(AccessToken token) {
            return new Outcome(Optional.of(token), Optional.empty());
        }

        static Outcome signInRequired() {
            return new Outcome(Optional.empty(), Optional.empty());
        }

        static Outcome unavailable(ProviderException e) {
            return new Outcome(Optional.empty(), Optional.of(e));
        }

        AccessToken tokenOrThrow() {
            if (token.isPresent()) {
                return token.get();
            }
            if (outage.isPresent() && outage.get().failure() == ProviderFailure.UNAUTHORIZED) {
                // The provider refused this app's own credentials (a refresh presents no shopper token): our
                // misconfiguration, told as a failed provider call (502), not as an outage to wait out (503).
                throw ProviderOutcomes.failed(outage.get());
            }
            if (outage.isPresent()) {
                throw new ProviderConnectionUnavailableException(outage.get().retryAfter(), outage.get());
            }
            throw FreshAccessTokens.signInRequired();
        }
    }
}
