package org.personalshopper.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.SecretHash;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.TokenSet;

/**
 * V7 on a database written by the earlier versions: every shopper keeps their data and becomes a shopper
 * with one connection holding their Kroger profile and tokens, which still decrypt with the same key.
 */
class MigrationToConnectionsTest {
    private static final Provider KROGER = new Provider("kroger");
    private static final Instant SIGNED_IN = Instant.parse("2026-11-20T09:00:00Z");

    private final String schema = TestDatabase.newSchemaName();
    private final TokenKeyRing keys = TokenKeyRing.generate();

    @AfterEach
    void dropSchema() throws Exception {
        TestDatabase.dropSchema(schema);
    }

    @Test
    void existingShoppersBecomeShoppersWithOneKrogerConnectionAndTheirTokensStillDecrypt() throws Exception {
        Flyway.configure().dataSource(TestDatabase.jdbcUrl(), null, null).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration").target("2").load().migrate();
        ShopperId usable = ShopperId.random();
        ShopperId refused = ShopperId.random();
        TokenCipher cipher = new TokenCipher(keys);
        try (Connection db = TestDatabase.connect(schema)) {
            v1Shopper(db, cipher, usable, "profile-usable", "01400943", true);
            v1Shopper(db, cipher, refused, "profile-refused", null, false);
            try (PreparedStatement guidance = db.prepareStatement(
                    "insert into guidance (id, shopper_id, text, created_at) values (?, ?, 'no pork', ?)")) {
                guidance.setObject(1, UUID.randomUUID());
                guidance.setObject(2, usable.value());
                guidance.setTimestamp(3, Timestamp.from(SIGNED_IN));
                guidance.executeUpdate();
            }
            try (PreparedStatement attempt = db.prepareStatement("insert into login_attempt (state_hash, browser_binding_hash,"
                    + " return_to, created_at, expires_at) values (?, ?, '/', ?, ?)")) {
                attempt.setString(1, SecretHash.of("state-in-flight").hex());
                attempt.setString(2, SecretHash.of("binding").hex());
                attempt.setTimestamp(3, Timestamp.from(Instant.now()));
                attempt.setTimestamp(4, Timestamp.from(Instant.now().plus(Duration.ofMinutes(10))));
                attempt.executeUpdate();
            }
        }

        try (PostgresPersistence migrated = PostgresPersistence.open(TestDatabase.settings(schema), keys)) {
            var connection = migrated.connections().find(usable, KROGER).orElseThrow();
            assertThat(connection.profileId()).isEqualTo(new ProfileId("profile-usable"));
            assertThat(connection.tokens().accessToken()).isEqualTo(new AccessToken("access-profile-usable"));
            assertThat(connection.tokens().refreshToken()).isEqualTo("refresh-profile-usable");
            assertThat(connection.usable()).isTrue();
            assertThat(connection.connectedAt()).isEqualTo(SIGNED_IN);
            assertThat(migrated.connections().owner(KROGER, new ProfileId("profile-usable"))).contains(usable);
            assertThat(migrated.connections().find(refused, KROGER).orElseThrow().usable()).isFalse();
            assertThat(migrated.shoppers().find(usable).orElseThrow().preferredLocation()).hasValueSatisfying(
                    store -> assertThat(store.value()).isEqualTo("01400943"));
            assertThat(migrated.guidance().list(usable)).hasSize(1);
            assertThat(migrated.loginAttempts().take(SecretHash.of("state-in-flight")))
                    .hasValueSatisfying(a -> assertThat(a.provider()).isEqualTo(KROGER));

            // The next write binds the tokens to the connection; they read back the same.
            TokenSet renewed = TokenSet.issued(new AccessToken("access-renewed"), "refresh-renewed", Instant.parse("2026-11-21T09:00:00Z"),
                    Duration.ofMinutes(30));
            migrated.connections().saveTokens(usable, KROGER, renewed);
            assertThat(migrated.connections().find(usable, KROGER).orElseThrow().tokens()).isEqualTo(renewed);
        }
        try (Connection db = TestDatabase.connect(schema);
             var rows = db.createStatement().executeQuery("select token_binding from shopper_connection order by profile_id")) {
            rows.next();
            assertThat(rows.getString(1)).as("refused: untouched").isEqualTo("shopper_token");
            rows.next();
            assertThat(rows.getString(1)).as("usable: rewritten").isEqualTo("connection");
        }
    }

    @Test
    void aKeyRotationAtTheUpgradeMovesV1TokensToTheNewKeyBoundToTheirConnection() throws Exception {
        Flyway.configure().dataSource(TestDatabase.jdbcUrl(), null, null).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration").target("2").load().migrate();
        ShopperId dead = ShopperId.random();
        try (Connection db = TestDatabase.connect(schema)) {
            v1Shopper(db, new TokenCipher(keys), dead, "profile-dead", null, false);
        }
        TokenKeyRing next = TokenKeyRing.generate();

        PostgresPersistence.open(TestDatabase.settings(schema),
                TokenKeyRing.fromBase64(next.currentKeyBase64(), java.util.List.of(keys.currentKeyBase64()))).close();

        try (PostgresPersistence withoutOldKey = PostgresPersistence.open(TestDatabase.settings(schema), next)) {
            var connection = withoutOldKey.connections().find(dead, KROGER).orElseThrow();
            assertThat(connection.tokens().refreshToken()).isEqualTo("refresh-profile-dead");
            assertThat(connection.usable()).isFalse();
        }
        try (Connection db = TestDatabase.connect(schema);
             var rows = db.createStatement().executeQuery("select token_binding, access_token_enc from shopper_connection")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("connection");
            assertThat(rows.getString(2)).startsWith(next.currentKeyId() + ":");
        }
    }

    private static void v1Shopper(Connection db, TokenCipher cipher, ShopperId id, String profile, String store, boolean usable)
            throws Exception {
        try (PreparedStatement shopper = db.prepareStatement("insert into shopper (id, provider, profile_id,"
                + " preferred_location_id, created_at, updated_at) values (?, 'kroger', ?, ?, ?, ?)")) {
            shopper.setObject(1, id.value());
            shopper.setString(2, profile);
            shopper.setString(3, store);
            shopper.setTimestamp(4, Timestamp.from(SIGNED_IN));
            shopper.setTimestamp(5, Timestamp.from(SIGNED_IN));
            shopper.executeUpdate();
        }
        // As V1's token repository wrote them: bound to its columns and the shopper id.
        try (PreparedStatement tokens = db.prepareStatement("insert into shopper_token (shopper_id, access_token_enc,"
                + " refresh_token_enc, issued_at, access_token_expires_at, usable, updated_at) values (?, ?, ?, ?, ?, ?, ?)")) {
            tokens.setObject(1, id.value());
            tokens.setString(2, cipher.encrypt("access-" + profile, "shopper_token.access_token_enc", id.toString()));
            tokens.setString(3, cipher.encrypt("refresh-" + profile, "shopper_token.refresh_token_enc", id.toString()));
            tokens.setTimestamp(4, Timestamp.from(SIGNED_IN));
            tokens.setTimestamp(5, Timestamp.from(SIGNED_IN.plus(Duration.ofMinutes(30))));
            tokens.setBoolean(6, usable);
            tokens.setTimestamp(7, Timestamp.from(SIGNED_IN));
            tokens.executeUpdate();
        }
    }
}
