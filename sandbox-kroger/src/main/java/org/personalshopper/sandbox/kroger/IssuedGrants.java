package org.personalshopper.sandbox.kroger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Everything the sandbox's authorization server has handed out: authorization codes, access tokens and refresh
 * tokens, each an opaque random string mapped to what it grants. Codes and refresh tokens are single use: they are
 * removed from their map atomically when presented, so two concurrent uses cannot both succeed.
 */
final class IssuedGrants {

    /** What an authorization code stands for until it is exchanged. */
    record PendingCode(String clientId, String redirectUri, List<String> scopes, UUID profileId,
            Optional<String> codeChallenge, Instant expiresAt) {
    }

    /** What an access token lets its bearer do; no profile for client-credentials (app) tokens. */
    record AccessGrant(String clientId, Optional<UUID> profileId, List<String> scopes, Instant expiresAt) {
        boolean isShopperToken() {
            return profileId.isPresent();
        }
    }

    record RefreshGrant(String clientId, UUID profileId, List<String> scopes, Instant expiresAt) {
    }

    /** A token endpoint answer. Holds secrets, so its toString shows none. */
    record IssuedTokens(String accessToken, long expiresInSeconds, Optional<String> refreshToken) {
        @Override
        public String toString() {
            return "IssuedTokens[expiresInSeconds=" + expiresInSeconds + ", refreshToken="
                    + (refreshToken.isPresent() ? "(hidden)" : "none") + "]";
        }
    }

    /** Why a code exchange failed; each maps to one Kroger error body. */
    enum CodeRejection { INVALID_CODE, REDIRECT_MISMATCH, INVALID_VERIFIER }

    /** The outcome of exchanging a code: tokens or the reason it was refused. */
    record CodeExchange(Optional<IssuedTokens> tokens, Optional<CodeRejection> rejection) {
    }

    private static final Pattern PKCE_VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    private static final int PURGE_THRESHOLD = 1_000;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, PendingCode> codes = new ConcurrentHashMap<>();
    private final Map<String, AccessGrant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();
    private final SandboxSettings settings;
    private final Clock clock;

    IssuedGrants(SandboxSettings settings) {
        this.settings = settings;
        this.clock = settings.clock();
    }

    String issueCode(CheckedAuthorizeRequest request, UUID profileId) {
        purgeExpiredWhenLarge();
        String code = randomToken();
        codes.put(code, new PendingCode(request.clientId(), request.redirectUri(), request.scopes(), profileId,
                request.codeChallenge(), clock.instant().plus(settings.authorizationCodeLifetime())));
        return code;
    }

    /**
     * Redeems a code once. Any attempt consumes it, as RFC 6749 advises: a code that leaked and was tried with a
     * wrong redirect URI or verifier cannot be retried.
     */
    CodeExchange exchangeCode(String clientId, String code, String redirectUri, String codeVerifier) {
        PendingCode pending = code == null ? null : codes.remove(code);
        if (pending == null || !pending.clientId().equals(clientId) || !clock.instant().isBefore(pending.expiresAt())) {
            return rejected(CodeRejection.INVALID_CODE);
        }
        if (!pending.redirectUri().equals(redirectUri)) {
            return rejected(CodeRejection.REDIRECT_MISMATCH);
        }
        if (pending.codeChallenge().isPresent() && !verifierMatches(codeVerifier, pending.codeChallenge().get())) {
            return rejected(CodeRejection.INVALID_VERIFIER);
        }
        if (pending.codeChallenge().isEmpty() && codeVerifier != null) {
            // A verifier for a code issued without a challenge: refused (OAuth 2.1, RFC 9700's PKCE downgrade).
            return rejected(CodeRejection.INVALID_VERIFIER);
        }
        return new CodeExchange(Optional.of(issueShopperTokens(clientId, pending.profileId(), pending.scopes())),
                Optional.empty());
    }

    /** Rotates: the presented refresh token dies whatever happens next; a valid one yields a new pair. */
    Optional<IssuedTokens> refresh(String clientId, String refreshToken) {
        RefreshGrant grant = refreshToken == null ? null : refreshTokens.remove(refreshToken);
        if (grant == null || !grant.clientId().equals(clientId) || !clock.instant().isBefore(grant.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(issueShopperTokens(clientId, grant.profileId(), grant.scopes()));
    }

    IssuedTokens issueAppToken(String clientId, List<String> scopes) {
        purgeExpiredWhenLarge();
        String accessToken = randomToken();
        accessTokens.put(accessToken, new AccessGrant(clientId, Optional.empty(), scopes,
                clock.instant().plus(settings.accessTokenLifetime())));
        return new IssuedTokens(accessToken, lifetimeSeconds(settings.accessTokenLifetime()), Optional.empty());
    }

    /** The grant behind a live access token; empty when unknown or expired. */
    Optional<AccessGrant> accessGrant(String accessToken) {
        AccessGrant grant = accessTokens.get(accessToken);
        if (grant == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(grant.expiresAt())) {
            accessTokens.remove(accessToken, grant);
            return Optional.empty();
        }
        return Optional.of(grant);
    }

    private IssuedTokens issueShopperTokens(String clientId, UUID profileId, List<String> scopes) {
        purgeExpiredWhenLarge();
        Instant now = clock.instant();
        String accessToken = randomToken();
        String refreshToken = randomToken();
        accessTokens.put(accessToken, new AccessGrant(clientId, Optional.of(profileId), scopes,
                now.plus(settings.accessTokenLifetime())));
        refreshTokens.put(refreshToken, new RefreshGrant(clientId, profileId, scopes,
                now.plus(settings.refreshTokenLifetime())));
        return new IssuedTokens(accessToken, lifetimeSeconds(settings.accessTokenLifetime()), Optional.of(refreshToken));
    }

    private static long lifetimeSeconds(Duration lifetime) {
        // A sub-second lifetime (tests) still reports at least 1 s, as Kroger's expires_in is whole seconds.
        return Math.max(1, lifetime.toSeconds());
    }

    private static CodeExchange rejected(CodeRejection rejection) {
        return new CodeExchange(Optional.empty(), Optional.of(rejection));
    }

    static boolean verifierMatches(String verifier, String challenge) {
        if (verifier == null || !PKCE_VERIFIER.matcher(verifier).matches()) {
            return false;
        }
        byte[] expected = challenge.getBytes(StandardCharsets.US_ASCII);
        byte[] actual = s256(verifier).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Keeps a long-running demo from growing without bound; cheap enough to run on issuance. */
    private void purgeExpiredWhenLarge() {
        Instant now = clock.instant();
        if (codes.size() > PURGE_THRESHOLD) {
            codes.values().removeIf(c -> !now.isBefore(c.expiresAt()));
        }
        if (accessTokens.size() > PURGE_THRESHOLD) {
            accessTokens.values().removeIf(g -> !now.isBefore(g.expiresAt()));
        }
        if (refreshTokens.size() > PURGE_THRESHOLD) {
            refreshTokens.values().removeIf(g -> !now.isBefore(g.expiresAt()));
        }
    }
}
