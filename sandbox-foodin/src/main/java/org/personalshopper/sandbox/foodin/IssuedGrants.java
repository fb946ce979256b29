package org.personalshopper.sandbox.foodin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the sandbox's authorization server has handed out. A code, once exchanged, becomes a
 * <em>connection</em>: the user's account linked to the application, owning every token issued from that code
 * (the first access and refresh token, and every access token refreshed from them). Foodin's rules:
 * <ul>
 *   <li>a code works once and for a few minutes; presenting it a second time revokes its whole connection;</li>
 *   <li>a refresh revokes the previous access token of the same scope and mode;</li>
 *   <li>the refresh token itself stays valid (the answer to a refresh carries none).</li>
 * </ul>
 * One lock guards all state: the sandbox is about rules, not throughput, and check-then-act on several maps must be
 * atomic (two concurrent exchanges of one code: exactly one wins, and the loser revokes the winner's tokens).
 */
final class IssuedGrants {

    /** What an authorization code stands for until it is exchanged. */
    record PendingCode(Mode mode, Scope scope, String userId, List<String> clientRoles, Instant expiresAt) {
    }

    /** A token endpoint answer. Holds secrets, so its toString shows none. */
    record IssuedTokens(String accessToken, Optional<String> refreshToken, Scope scope, Mode mode, String userId,
            Optional<Long> expiresInSeconds) {
        @Override
        public String toString() {
            return "IssuedTokens[scope=" + scope + ", mode=" + mode + ", tokens hidden]";
        }
    }

    /** What a live access token grants, for the sandbox-only introspection. */
    record ActiveToken(String userId, Scope scope, Mode mode, Optional<Instant> expiresAt) {
    }

    /** Why the token endpoint refused; each maps to one OAuth error. */
    enum Refusal { UNKNOWN_CODE, EXPIRED_CODE, CODE_REUSED, MODE_MISMATCH, UNKNOWN_REFRESH_TOKEN, SCOPE_TOO_WIDE }

    /** Tokens or the reason there are none. */
    record Outcome(Optional<IssuedTokens> tokens, Optional<Refusal> refusal) {
        static Outcome refused(Refusal refusal) {
            return new Outcome(Optional.empty(), Optional.of(refusal));
        }

        static Outcome issued(IssuedTokens tokens) {
            return new Outcome(Optional.of(tokens), Optional.empty());
        }
    }

    /** One user's account linked through one code; owns the tokens issued from that code. */
    private static final class Connection {
        final String userId;
        final List<String> accessTokens = new ArrayList<>();
        final List<String> refreshTokens = new ArrayList<>();
        /** The current access token per mode and scope: the one the next refresh of that kind revokes. */
        final Map<Mode, Map<Scope, String>> current = new EnumMap<>(Mode.class);

        Connection(String userId) {
            this.userId = userId;
        }
    }

    private record AccessGrant(Connection connection, Scope scope, Mode mode, Optional<Instant> expiresAt) {
    }

    private record RefreshGrant(Connection connection, Scope scope) {
    }

    private record UsedCode(Connection connection, Instant forgetAt) {
    }

    /** How long a used code is remembered, so a replay still revokes its connection. */
    private static final Duration USED_CODE_MEMORY = Duration.ofDays(1);
    private static final int PURGE_THRESHOLD = 1_000;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, PendingCode> codes = new HashMap<>();
    private final Map<String, UsedCode> usedCodes = new HashMap<>();
    private final Map<String, AccessGrant> accessTokens = new HashMap<>();
    private final Map<String, RefreshGrant> refreshTokens = new HashMap<>();
    private final FoodinSandboxSettings settings;
    private final Clock clock;

    IssuedGrants(FoodinSandboxSettings settings) {
        this.settings = settings;
        this.clock = settings.clock();
    }

    synchronized String issueCode(AuthorizeRequest request, String userId) {
        purgeWhenLarge();
        String code = "ac_" + randomToken();
        codes.put(code, new PendingCode(request.mode(), request.scope(), userId, request.clientRoles(),
                clock.instant().plus(settings.authorizationCodeLifetime())));
        return code;
    }

    /**
     * Redeems a code with a secret key of {@code mode}. A code of the other mode is refused and stays usable (the
     * application used the wrong key; nothing was consumed). A code presented again revokes its connection.
     */
    synchronized Outcome exchangeCode(String code, Mode mode) {
        if (code == null) {
            return Outcome.refused(Refusal.UNKNOWN_CODE);
        }
        UsedCode used = usedCodes.get(code);
        if (used != null) {
            revoke(used.connection());
            return Outcome.refused(Refusal.CODE_REUSED);
        }
        PendingCode pending = codes.get(code);
        if (pending == null) {
            return Outcome.refused(Refusal.UNKNOWN_CODE);
        }
        if (pending.mode() != mode) {
            return Outcome.refused(Refusal.MODE_MISMATCH);
        }
        codes.remove(code);
        Instant now = clock.instant();
        if (!now.isBefore(pending.expiresAt())) {
            return Outcome.refused(Refusal.EXPIRED_CODE);
        }
        Connection connection = new Connection(pending.userId());
        usedCodes.put(code, new UsedCode(connection, now.plus(USED_CODE_MEMORY)));
        String refreshToken = "rt_" + randomToken();
        refreshTokens.put(refreshToken, new RefreshGrant(connection, pending.scope()));
        connection.refreshTokens.add(refreshToken);
        IssuedTokens access = issueAccess(connection, pending.scope(), mode);
        return Outcome.issued(new IssuedTokens(access.accessToken(), Optional.of(refreshToken), access.scope(),
                access.mode(), access.userId(), access.expiresInSeconds()));
    }

    /**
     * A new access token of {@code mode} (the mode of the secret key used) and the asked scope (default: the refresh
     * token's), revoking the connection's previous access token of that scope and mode. The refresh token lives on.
     */
    synchronized Outcome refresh(String refreshToken, Mode mode, Optional<Scope> askedScope) {
        RefreshGrant grant = refreshToken == null ? null : refreshTokens.get(refreshToken);
        if (grant == null) {
            return Outcome.refused(Refusal.UNKNOWN_REFRESH_TOKEN);
        }
        Scope scope = askedScope.orElse(grant.scope());
        if (!grant.scope().covers(scope)) {
            return Outcome.refused(Refusal.SCOPE_TOO_WIDE);
        }
        return Outcome.issued(issueAccess(grant.connection(), scope, mode));
    }

    /** The grant behind a live access token; empty when unknown, revoked or expired. */
    synchronized Optional<ActiveToken> active(String accessToken) {
        AccessGrant grant = accessToken == null ? null : accessTokens.get(accessToken);
        if (grant == null || grant.expiresAt().map(end -> !clock.instant().isBefore(end)).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(new ActiveToken(grant.connection().userId, grant.scope(), grant.mode(), grant.expiresAt()));
    }

    synchronized int connectionCount() {
        return (int) refreshTokens.values().stream().map(RefreshGrant::connection).distinct().count();
    }

    private IssuedTokens issueAccess(Connection connection, Scope scope, Mode mode) {
        Map<Scope, String> ofMode = connection.current.computeIfAbsent(mode, m -> new EnumMap<>(Scope.class));
        String previous = ofMode.get(scope);
        if (previous != null) {
            accessTokens.remove(previous);
            connection.accessTokens.remove(previous);
        }
        String accessToken = (mode.isLive() ? "fat_live_" : "fat_test_") + randomToken();
        Optional<Instant> expiresAt = settings.accessTokenLifetime().map(clock.instant()::plus);
        accessTokens.put(accessToken, new AccessGrant(connection, scope, mode, expiresAt));
        connection.accessTokens.add(accessToken);
        ofMode.put(scope, accessToken);
        // A sub-second lifetime (tests) still reports at least 1 s: expires_in is whole seconds.
        Optional<Long> expiresIn = settings.accessTokenLifetime().map(lifetime -> Math.max(1, lifetime.toSeconds()));
        return new IssuedTokens(accessToken, Optional.empty(), scope, mode, connection.userId, expiresIn);
    }

    private void revoke(Connection connection) {
        connection.accessTokens.forEach(accessTokens::remove);
        connection.refreshTokens.forEach(refreshTokens::remove);
        connection.accessTokens.clear();
        connection.refreshTokens.clear();
        connection.current.clear();
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Keeps a long-running demo from growing without bound; cheap enough to run on issuance. */
    private void purgeWhenLarge() {
        Instant now = clock.instant();
        if (codes.size() > PURGE_THRESHOLD) {
            codes.values().removeIf(c -> !now.isBefore(c.expiresAt()));
        }
        if (usedCodes.size() > PURGE_THRESHOLD) {
            usedCodes.values().removeIf(u -> !now.isBefore(u.forgetAt()));
        }
        if (accessTokens.size() > PURGE_THRESHOLD) {
            accessTokens.values().removeIf(g -> g.expiresAt().map(end -> !now.isBefore(end)).orElse(false));
        }
    }
}
