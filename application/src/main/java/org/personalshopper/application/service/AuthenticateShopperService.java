package org.personalshopper.application.service;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.personalshopper.application.port.in.AuthenticateShopper;
import org.personalshopper.application.port.in.RateLimitedException;
import org.personalshopper.application.port.in.SignInFailedException;
import org.personalshopper.application.port.in.SignInFailedException.Reason;
import org.personalshopper.application.port.in.ConnectionConflictException;
import org.personalshopper.application.port.in.NotOfferedException;
import org.personalshopper.application.port.out.AuthorizationRequest;
import org.personalshopper.application.port.out.ConnectionRepository;
import org.personalshopper.application.port.out.ProviderRegistry;
import org.personalshopper.application.port.out.Clock;
import org.personalshopper.application.port.out.IdentityProvider;
import org.personalshopper.application.port.out.LoginAttemptRepository;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.application.port.out.RandomTokens;
import org.personalshopper.application.port.out.SessionRepository;
import org.personalshopper.application.port.out.ShopperRepository;
import org.personalshopper.application.port.out.TokenGrant;
import org.personalshopper.application.port.out.SignInGrant;
import org.personalshopper.application.port.out.Transactions;
import org.personalshopper.domain.Capability;
import org.personalshopper.domain.InvalidValueException;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.LoginAttempt;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.SecretHash;
import org.personalshopper.domain.Session;
import org.personalshopper.domain.SessionPolicy;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.TokenSet;

/**
 * Sign-in with the grocer (authorization code grant with state, browser binding and PKCE), sessions and
 * sign-out. Secrets (state, binding, verifier, session id) are random 256-bit values and only their hashes
 * are stored.
 */
public final class AuthenticateShopperService implements AuthenticateShopper {
    /** 32 bytes = 256 bits for every secret; as base64url that is 43 characters (also a valid PKCE verifier). */
    static final int SECRET_BYTES = 32;
    /**
     * Sign-ins in progress (unexpired attempts) stored at most: anyone may start one, so this bounds what
     * unauthenticated callers can make the database hold (each attempt is well under 1 KB).
     */
    public static final int MAX_PENDING_SIGN_INS = 1_000;
    /** Live sessions a shopper keeps at most; a new sign-in past it ends their oldest session. */
    public static final int MAX_SESSIONS_PER_SHOPPER = 10;
    /** Longer than anything we hand out; longer input is not worth hashing. */
    private static final int MAX_PRESENTED_SECRET = 512;

    private final ProviderRegistry providers;
    private final ShopperRepository shoppers;
    private final SessionRepository sessions;
    private final LoginAttemptRepository loginAttempts;
    private final ConnectionRepository connections;
    private final Transactions transactions;
    private final Clock clock;
    private final RandomTokens random;
    private final SessionPolicy policy;
    /** Asked on every authenticated request; worked out once (Duration arithmetic is not free). */
    private final Duration touchInterval;

    public AuthenticateShopperService(ProviderRegistry providers, ShopperRepository shoppers,
                                      SessionRepository sessions, LoginAttemptRepository loginAttempts,
                                      ConnectionRepository connections, Transactions transactions, Clock clock,
                                      RandomTokens random, SessionPolicy policy) {
        this.providers = Objects.requireNonNull(providers, "providers");
        this.shoppers = Objects.requireNonNull(shoppers, "shoppers");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.loginAttempts = Objects.requireNonNull(loginAttempts, "loginAttempts");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.touchInterval = policy.touchInterval();
    }

    @Override
    public LoginRedirect beginLogin(BeginLogin command) {
        Objects.requireNonNull(command, "command");
        IdentityProvider identityProvider = command.provider()
                .map(named -> providers.find(named).orElseThrow(() -> new NotOfferedException(Capability.SIGN_IN, Optional.of(named))))
                .or(providers::defaultSignIn)
                .orElseThrow(() -> new NotOfferedException(Capability.SIGN_IN, Optional.empty()))
                .signIn();
        command.banner().ifPresent(banner -> {
            if (!identityProvider.knowsBanner(banner)) {
                throw new InvalidValueException("banner", "is not a banner the grocer knows");
            }
        });
        String state = random.urlSafe(SECRET_BYTES);
        String browserBinding = random.urlSafe(SECRET_BYTES);
        Optional<String> verifier = identityProvider.usesPkce() ? Optional.of(random.urlSafe(SECRET_BYTES)) : Optional.empty();
        Optional<String> challenge = verifier.map(AuthenticateShopperService::s256);

        URI url = identityProvider.authorizationUrl(new AuthorizationRequest(state, challenge, command.banner()));
        LoginAttempt attempt = LoginAttempt.start(SecretHash.of(state), SecretHash.of(browserBinding), verifier,
                command.returnTo(), clock.now(), identityProvider.provider(), command.linkTo());
        if (!loginAttempts.saveUnlessFull(attempt, MAX_PENDING_SIGN_INS)) {
            // The oldest attempts expire within their lifetime; a minute is an honest first wait.
            throw new RateLimitedException("too many sign-ins are in progress; try again in a minute", Duration.ofMinutes(1));
        }
        return new LoginRedirect(url, browserBinding, attempt.expiresAt());
    }

    @Override
    public SignedIn completeLogin(CompleteLogin command) {
        Objects.requireNonNull(command, "command");
        // Taken first, whatever else is wrong: a state that reached us is spent, so it can never be replayed.
        Optional<LoginAttempt> taken = presented(command.state()).flatMap(s -> loginAttempts.take(SecretHash.of(s)));

        if (command.error().isPresent()) {
            throw new SignInFailedException(Reason.DENIED, "the grocer did not grant access" + errorCode(command.error().get()));
        }
        LoginAttempt attempt = taken.orElseThrow(() -> invalidState("unknown or already used sign-in state"));
        Instant now = clock.now();
        if (attempt.isExpired(now)) {
            throw invalidState("the sign-in took too long; start again");
        }
        boolean sameBrowser = presented(command.browserBinding()).map(b -> attempt.boundTo(SecretHash.of(b))).orElse(false);
        if (!sameBrowser) {
            throw invalidState("the sign-in was started in another browser");
        }
        // The mix-up defence (RFC 9700 4.4): a state issued for one provider is spent, unused, at another's
        // callback, so a code is only ever sent to the provider the browser was sent to.
        if (!attempt.sentTo(command.callbackProvider())) {
            throw invalidState("the sign-in was started with another provider");
        }
        IdentityProvider identityProvider = providers.find(attempt.provider())
                .orElseThrow(() -> invalidState("the sign-in was started with a provider no longer configured"))
                .signIn();
        String code = presented(command.code()).orElseThrow(() -> invalidState("the grocer sent no authorization code"));

        // Grocer calls happen outside any transaction: no database connection is held while we wait on them.
        Instant requestedAt = clock.now();
        TokenGrant grant;
        ProfileId profileId;
        try {
            SignInGrant signIn = identityProvider.exchangeCode(code, attempt.codeVerifier());
            grant = signIn.tokens();
            profileId = signIn.profileId();
        } catch (ProviderException e) {
            throw new SignInFailedException(Reason.PROVIDER_FAILED, "the grocer could not complete the sign-in (" + e.failure() + ")", e);
        }
        String refreshToken = grant.refreshToken()
                .filter(t -> !t.isBlank())
                .orElseThrow(() -> new SignInFailedException(Reason.PROVIDER_FAILED, "the grocer granted no refresh token"));
        TokenSet tokenSet = TokenSet.issued(grant.accessToken(), refreshToken, requestedAt, grant.expiresIn());

        String sessionId = random.urlSafe(SECRET_BYTES);
        SecretHash sessionHash = SecretHash.of(sessionId);
        Instant signedInAt = clock.now();
        Provider provider = identityProvider.provider();
        Optional<Session> session = attempt.linkTo().isPresent()
                ? transactions.inTransaction(() -> link(attempt.linkTo().get(), provider, profileId, tokenSet)
                        .map(id -> startSession(sessionHash, id, signedInAt)))
                : Optional.of(signIn(provider, profileId, tokenSet, sessionHash, signedInAt));
        // Thrown after the transaction ended: it changed nothing, and nothing is left half done.
        Session signedIn = session.orElseThrow(() -> new ConnectionConflictException(
                ConnectionConflictException.Reason.LINKED_TO_ANOTHER_SHOPPER, provider));
        return new SignedIn(sessionId, signedIn.shopperId(), attempt.returnTo(), signedIn.expiresAt(policy));
    }

    /**
     * The session of the shopper who connected this account (a new shopper the first time), with the new tokens
     * stored. The common case, the account's own shopper signing in again, is one step of the repository (no
     * transaction of ours around it); anything else, or a renewal that found the account changed meanwhile,
     * goes through one transaction.
     */
    private Session signIn(Provider provider, ProfileId profileId, TokenSet tokenSet, SecretHash sessionHash, Instant now) {
        Optional<ShopperId> owner = connections.owner(provider, profileId);
        if (owner.isPresent()) {
            Session renewed = new Session(sessionHash, owner.get(), now, now);
            if (connections.renewWithSession(owner.get(), provider, profileId, tokenSet, renewed, MAX_SESSIONS_PER_SHOPPER)) {
                return renewed;
            }
        }
        return transactions.inTransaction(() -> startSession(sessionHash, firstSignIn(provider, profileId, tokenSet, now), now));
    }

    /** A new session for the shopper, ending their oldest past the cap. */
    private Session startSession(SecretHash sessionHash, ShopperId shopperId, Instant now) {
        Session fresh = new Session(sessionHash, shopperId, now, now);
        sessions.createKeepingNewest(fresh, MAX_SESSIONS_PER_SHOPPER);
        return fresh;
    }

    /** The shopper who connected this account (a new shopper the first time), with the new tokens stored. */
    private ShopperId firstSignIn(Provider provider, ProfileId profileId, TokenSet tokenSet, Instant now) {
        Optional<ShopperId> owner = connections.owner(provider, profileId);
        if (owner.isPresent() && connections.save(owner.get(), provider, profileId, tokenSet)) {
            return owner.get();
        }
        ShopperId created = shoppers.create(now).id();
        if (connections.save(created, provider, profileId, tokenSet)) {
            return created;
        }
        // Two first sign-ins with the same account raced and the other linked it first: join its shopper.
        shoppers.delete(created);
        ShopperId winner = connections.owner(provider, profileId)
                .orElseThrow(() -> new IllegalStateException("a provider account's shopper vanished while signing in"));
        if (!connections.save(winner, provider, profileId, tokenSet)) {
            throw new IllegalStateException("a provider account changed hands while signing in");
        }
        return winner;
    }

    /** Links the account to the shopper; empty (nothing changed) when it belongs to another shopper. */
    private Optional<ShopperId> link(ShopperId shopperId, Provider provider, ProfileId profileId, TokenSet tokenSet) {
        if (shoppers.find(shopperId).isEmpty()) {
            throw invalidState("the shopper connecting this account no longer exists");
        }
        Optional<ShopperId> owner = connections.owner(provider, profileId);
        if (owner.isPresent() && !owner.get().equals(shopperId)) {
            return Optional.empty();
        }
        return connections.save(shopperId, provider, profileId, tokenSet) ? Optional.of(shopperId) : Optional.empty();
    }

    @Override
    public Optional<ShopperId> identify(String sessionId) {
        Optional<String> id = presented(Optional.ofNullable(sessionId));
        if (id.isEmpty()) {
            return Optional.empty();
        }
        SecretHash hash = SecretHash.of(id.get());
        Optional<Session> found = sessions.find(hash);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Session session = found.get();
        Instant now = clock.now();
        if (session.isExpired(now, policy)) {
            sessions.delete(hash);
            return Optional.empty();
        }
        // Written back at most once per touch interval, so an ordinary request costs no write.
        if (session.shouldTouch(now, touchInterval)) {
            sessions.touch(hash, now);
        }
        return Optional.of(session.shopperId());
    }

    @Override
    public void signOut(String sessionId) {
        presented(Optional.ofNullable(sessionId)).ifPresent(id -> sessions.delete(SecretHash.of(id)));
    }

    @Override
    public void signOutEverywhere(String sessionId) {
        identify(sessionId).ifPresent(sessions::deleteAll);
    }

    /** A secret as presented by a browser, or empty when missing, blank or absurdly long. */
    private static Optional<String> presented(Optional<String> secret) {
        return secret.filter(s -> !s.isBlank() && s.length() <= MAX_PRESENTED_SECRET);
    }

    private static SignInFailedException invalidState(String message) {
        return new SignInFailedException(Reason.INVALID_STATE, message);
    }

    /** The grocer's error code, echoed only when it looks like an OAuth error code (never free text). */
    private static String errorCode(String error) {
        return error.matches("[A-Za-z0-9_.-]{1,64}") ? " (" + error + ")" : "";
    }

    /** PKCE S256: base64url without padding of the SHA-256 of the verifier's ASCII bytes (RFC 7636). */
    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
