package org.personalshopper.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.LoginAttempt;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.ReturnPath;
import org.personalshopper.domain.SecretHash;
import org.personalshopper.domain.Shopper;
import org.personalshopper.domain.TokenSet;

/** A key rotation can finish: after one start with the new ring, the old key is no longer needed. */
class KeyRotationTest extends DatabaseTest {
    private static final Provider KROGER = new Provider("kroger");
    private static final Provider FOODIN = new Provider("foodin");

    @Test
    void aRotationFinishesAtTheNextStartSoTheOldKeyCanBeDroppedEvenForDeadConnections() throws Exception {
        Shopper live = newShopper();
        Shopper dead = newShopper();
        persistence.connections().save(live.id(), KROGER, new ProfileId("live-" + UUID.randomUUID()),
                TokenSet.issued(new AccessToken("live-access"), "live-refresh", Instant.parse("2026-11-22T12:00:00Z"),
                        Duration.ofMinutes(30)));
        persistence.connections().save(live.id(), FOODIN, new ProfileId("live-" + UUID.randomUUID()),
                TokenSet.issued(new AccessToken("live-foodin-access"), "live-foodin-refresh",
                        Instant.parse("2026-11-22T12:00:00Z"), Duration.ofMinutes(30)));
        persistence.connections().save(dead.id(), KROGER, new ProfileId("dead-" + UUID.randomUUID()),
                TokenSet.issued(new AccessToken("dead-access"), "dead-refresh", Instant.parse("2026-11-22T12:00:00Z"),
                        Duration.ofMinutes(30)));
        // the provider refused this shopper's refresh token: the row is never refreshed, so never saved, again
        persistence.connections().markUnusable(dead.id(), KROGER);
        persistence.loginAttempts().save(LoginAttempt.start(
                SecretHash.of("state-" + UUID.randomUUID()),
                SecretHash.of("binding"), Optional.of("verifier-under-the-old-key-" + "v".repeat(30)),
                ReturnPath.HOME, Instant.now(), KROGER, Optional.empty()));
        TokenKeyRing next = TokenKeyRing.generate();

        TokenKeyRing rotated = TokenKeyRing.fromBase64(next.currentKeyBase64(), List.of(keys.currentKeyBase64()));
        PostgresPersistence.open(TestDatabase.settings(schema), rotated).close();

        assertThat(rawColumn("select access_token_enc || ' ' || refresh_token_enc from shopper_connection"
                + " union all select code_verifier_enc from login_attempt where code_verifier_enc is not null"))
                .isNotEmpty()
                .allSatisfy(v -> assertThat(v).doesNotContain(keys.currentKeyId() + ":").startsWith(next.currentKeyId() + ":"));
        try (PostgresPersistence withoutOldKey = PostgresPersistence.open(TestDatabase.settings(schema), next)) {
            assertThat(withoutOldKey.connections().find(dead.id(), KROGER)).hasValueSatisfying(t -> {
                assertThat(t.usable()).isFalse();
                assertThat(t.tokens().refreshToken()).isEqualTo("dead-refresh");
            });
            assertThat(withoutOldKey.connections().find(live.id(), KROGER)).hasValueSatisfying(
                    t -> assertThat(t.tokens().accessToken().value()).isEqualTo("live-access"));
            assertThat(withoutOldKey.connections().find(live.id(), FOODIN)).hasValueSatisfying(
                    t -> assertThat(t.tokens().refreshToken()).isEqualTo("live-foodin-refresh"));
        }
    }
}
