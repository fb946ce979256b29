package org.personalshopper.application.fakes;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.personalshopper.application.port.out.AuthorizationRequest;
import org.personalshopper.application.port.out.IdentityProvider;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.application.port.out.TokenGrant;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.Banner;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.ProviderFailure;
import org.personalshopper.domain.TokenSet;

/**
 * A grocer's authorization server in memory. Refresh tokens rotate and are single use, as Kroger's are:
 * sending a spent one is REJECTED. Failures can be queued per call kind.
 */
public final class FakeIdentityProvider implements IdentityProvider {
    public record CodeExchange(String code, Optional<String> codeVerifier) {
    }

    private final AtomicInteger sequence = new AtomicInteger();
    private volatile boolean pkce = true;
    private volatile boolean rotates = true;
    private volatile Duration accessLifetime = Duration.ofMinutes(30);
    private volatile Duration appTokenLifetime = Duration.ofMinutes(30);
    private volatile CountDownLatch refreshGate = new CountDownLatch(0);
    private volatile CountDownLatch appTokenGate = new CountDownLatch(0);

    private final Set<String> banners = Set.of("kroger", "ralphs");
    private final Map<String, ProfileId> profilesByCode = new ConcurrentHashMap<>();
    private final Map<String, ProfileId> profilesByAccessToken = new ConcurrentHashMap<>();
    private final Map<String, ProfileId> profilesByRefreshToken = new ConcurrentHashMap<>();
    private final Set<String> liveRefreshTokens = ConcurrentHashMap.newKeySet();
    private final List<AuthorizationRequest> authorizationRequests = new CopyOnWriteArrayList<>();
    private final List<CodeExchange> codeExchanges = new CopyOnWriteArrayList<>();
    private final List<String> refreshTokensSent = new CopyOnWriteArrayList<>();
    private final List<AccessToken> issuedAccessTokens = new CopyOnWriteArrayList<>();
    private final Queue<ProviderException> exchangeFailures = new ConcurrentLinkedQueue<>();
    private final Queue<ProviderException> profileFailures = new ConcurrentLinkedQueue<>();
    private final Queue<ProviderException> refreshFailures = new ConcurrentLinkedQueue<>();
    private final Queue<ProviderException> appTokenFailures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger appTokenCalls = new AtomicInteger();

    @Override
    public Provider provider() {
        return new Provider("testgrocer");
    }

    @Override
    public boolean knowsBanner(Banner banner) {
        return banners.contains(banner.name());
    }

    @Override
    public boolean usesPkce() {
        return pkce;
    }

    @Override
    public URI authorizationUrl(AuthorizationRequest request) {
        authorizationRequests.add(request);
        return URI.create("https://grocer.test/authorize?state=" + request.state());
    }

    @Override
    public TokenGrant exchangeCode(String code, Optional<String> codeVerifier) {
        codeExchanges.add(new CodeExchange(code, codeVerifier));
        failIfQueued(exchangeFailures);
        ProfileId profile = profilesByCode.remove(code);
        if (profile == null) {
            throw new ProviderException(ProviderFailure.REJECTED, "invalid code");
        }
        TokenGrant grant = newGrant(accessLifetime, true);
        profilesByAccessToken.put(grant.accessToken().value(), profile);
        grant.refreshToken().ifPresent(r -> profilesByRefreshToken.put(r, profile));
        return grant;
    }

    @Override
    public TokenGrant refresh(String refreshToken) {
        refreshTokensSent.add(refreshToken);
        awaitGate(refreshGate);
        failIfQueued(refreshFailures);
        if (!liveRefreshTokens.contains(refreshToken)) {
            throw new ProviderException(ProviderFailure.REJECTED, "invalid refresh_token");
        }
        TokenGrant grant;
        if (rotates) {
            liveRefreshTokens.remove(refreshToken); // single use
            grant = newGrant(accessLifetime, true);
        } else {
            grant = newGrant(accessLifetime, false);
        }
        // Like a real provider: the renewed tokens still identify the same shopper.
        ProfileId profile = profilesByRefreshToken.get(refreshToken);
        if (profile != null) {
            profilesByAccessToken.put(grant.accessToken().value(), profile);
            grant.refreshToken().ifPresent(r -> profilesByRefreshToken.put(r, profile));
        }
        return grant;
    }

    @Override
    public TokenGrant appToken() {
        appTokenCalls.incrementAndGet();
        awaitGate(appTokenGate);
        failIfQueued(appTokenFailures);
        return newGrant(appTokenLifetime, false);
    }

    @Override
    public ProfileId profile(AccessToken shopperToken) {
        failIfQueued(profileFailures);
        ProfileId profile = profilesByAccessToken.get(shopperToken.value());
        if (profile == null) {
            throw new ProviderException(ProviderFailure.UNAUTHORIZED, "invalid token");
        }
        return profile;
    }

    // --- set-up for tests

    /** The grocer will accept {@code code} once and sign the shopper in as {@code profile}. */
    public void willAcceptCode(String code, ProfileId profile) {
        profilesByCode.put(code, profile);
    }

    /** Tokens as the grocer would have issued them at {@code issuedAt}, with a live refresh token. */
    public TokenSet issueTokens(Instant issuedAt, Duration lifetime) {
        TokenGrant grant = newGrant(lifetime, true);
        return TokenSet.issued(grant.accessToken(), grant.refreshToken().orElseThrow(), issuedAt, lifetime);
    }

    public void failNextExchange(ProviderException e) {
        exchangeFailures.add(e);
    }

    public void failNextProfile(ProviderException e) {
        profileFailures.add(e);
    }

    public void failNextRefresh(ProviderException e) {
        refreshFailures.add(e);
    }

    public void failNextAppToken(ProviderException e) {
        appTokenFailures.add(e);
    }

    public void usePkce(boolean pkce) {
        this.pkce = pkce;
    }

    /** When false the grocer answers a refresh without a new refresh token (the old one stays valid). */
    public void rotateRefreshTokens(boolean rotates) {
        this.rotates = rotates;
    }

    public void accessTokensLast(Duration lifetime) {
        this.accessLifetime = lifetime;
    }

    public void appTokensLast(Duration lifetime) {
        this.appTokenLifetime = lifetime;
    }

    /** Refresh calls wait until {@code gate} opens (to make concurrent callers really overlap). */
    public void holdRefreshesUntil(CountDownLatch gate) {
        this.refreshGate = gate;
    }

    public void holdAppTokensUntil(CountDownLatch gate) {
        this.appTokenGate = gate;
    }

    // --- what happened

    public List<AuthorizationRequest> authorizationRequests() {
        return List.copyOf(authorizationRequests);
    }

    public List<CodeExchange> codeExchanges() {
        return List.copyOf(codeExchanges);
    }

    public List<String> refreshTokensSent() {
        return List.copyOf(refreshTokensSent);
    }

    public int refreshCalls() {
        return refreshTokensSent.size();
    }

    public int appTokenCalls() {
        return appTokenCalls.get();
    }

    public boolean isLive(String refreshToken) {
        return liveRefreshTokens.contains(refreshToken);
    }

    /** The access token most recently issued by any grant. */
    public AccessToken lastIssuedAccessToken() {
        return issuedAccessTokens.get(issuedAccessTokens.size() - 1);
    }

    private TokenGrant newGrant(Duration lifetime, boolean withRefreshToken) {
        int n = sequence.incrementAndGet();
        AccessToken access = new AccessToken("access-" + n);
        issuedAccessTokens.add(access);
        Optional<String> refresh = Optional.empty();
        if (withRefreshToken) {
            String token = "refresh-" + n;
            liveRefreshTokens.add(token);
            refresh = Optional.of(token);
        }
        return new TokenGrant(access, refresh, lifetime);
    }

    private static void failIfQueued(Queue<ProviderException> failures) {
        ProviderException next = failures.poll();
        if (next != null) {
            throw next;
        }
    }

    private static void awaitGate(CountDownLatch gate) {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while held", e);
        }
    }
}
