package org.personalshopper.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.Shopper;
import org.personalshopper.domain.TokenSet;

class PostgresPersistenceTest extends DatabaseTest {
    @Test
    void readinessSaysYesWhileTheDatabaseAnswers() {
        assertThat(persistence.storageHealth().answers()).isTrue();
    }

    @Test
    void readinessSaysNoInsteadOfThrowingOnceThePoolIsClosed() throws SQLException {
        String otherSchema = TestDatabase.newSchemaName();
        try {
            PostgresPersistence closed = PostgresPersistence.open(TestDatabase.settings(otherSchema), keys);
            closed.close();

            assertThat(closed.storageHealth().answers()).isFalse();
        } finally {
            TestDatabase.dropSchema(otherSchema);
        }
    }

    @Test
    void startUpWorkRunsWithoutTheSocketTimeoutAndThePoolsConnectionGetsItBack() throws SQLException {
        // One connection, so the start-up loan and the request's loan are the same physical connection.
        DatabaseSettings oneConnection = new DatabaseSettings(TestDatabase.jdbcUrl(), Optional.empty(), Optional.empty(),
                Optional.of(schema), 1);
        try (HikariDataSource pool = new HikariDataSource(PostgresPersistence.hikari(oneConnection))) {
            try (Connection migration = new WithoutSocketTimeout(pool).getConnection()) {
                assertThat(migration.getNetworkTimeout()).as("a long migration is not cut off").isZero();
            }
            try (Connection request = pool.getConnection()) {
                assertThat(request.getNetworkTimeout()).as("a request's statement still gives up on a silent server")
                        .isEqualTo(PostgresPersistence.SOCKET_TIMEOUT_SECONDS * 1000);
            }
        }
    }

    @Test
    void openingAnAlreadyMigratedSchemaKeepsItsData() {
        Shopper shopper = newShopper();

        try (PostgresPersistence reopened = PostgresPersistence.open(TestDatabase.settings(schema), keys)) {
            assertThat(reopened.shoppers().find(shopper.id())).contains(shopper);
        }
    }

    @Test
    void anUnreachableDatabaseFailsWithAClearMessageThatHidesThePassword() {
        DatabaseSettings unreachable = new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/shop?user=app&password=hunter2",
                Optional.empty(), Optional.of("s3cret-field"), Optional.empty(), 2);

        assertThatThrownBy(() -> PostgresPersistence.open(unreachable, keys))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/shop")
                .hasMessageNotContaining("hunter2")
                .hasMessageNotContaining("s3cret-field");
    }

    @Test
    void aDatabaseThatAcceptsTheConnectionButNeverAnswersFailsTheOpenWithinTheLoginTimeout() throws Exception {
        // A hung server, or something else listening on the port: the connection is accepted, no byte comes back.
        try (FreezingRelay silent = FreezingRelay.to(TestDatabase.jdbcUrl())) {
            silent.freeze();
            String url = silent.through(TestDatabase.jdbcUrl());
            DatabaseSettings hung = new DatabaseSettings(url, Optional.empty(), Optional.empty(), Optional.empty(), 2);

            CompletableFuture<Throwable> opened = CompletableFuture.supplyAsync(() -> {
                try {
                    PostgresPersistence.open(hung, keys).close();
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });

            Throwable failure = opened.get(PostgresPersistence.LOGIN_TIMEOUT_SECONDS + 10L, TimeUnit.SECONDS);
            assertThat(failure).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot connect to PostgreSQL at " + hung.redactedUrl());
            assertThat(silent.connectionsAccepted()).isPositive();
        }
    }

    @Test
    void openingWithKeysThatCannotReadTheStoredTokensFailsAtOnceNamingTheKeyIds() {
        Shopper shopper = newShopper();
        persistence.connections().save(shopper.id(), KROGER, new ProfileId("old-key-profile"), TokenSet.issued(new AccessToken("access-under-old-key"),
                "refresh-under-old-key", Instant.parse("2026-11-22T12:00:00Z"), Duration.ofMinutes(30)));
        TokenKeyRing otherKey = TokenKeyRing.generate();

        assertThatThrownBy(() -> PostgresPersistence.open(TestDatabase.settings(schema), otherKey))
                .isInstanceOf(TokenKeyMismatchException.class)
                .hasMessageContaining(keys.currentKeyId())
                .hasMessageContaining("SHOPPER_TOKEN_KEY_PREVIOUS")
                .hasMessageNotContaining("under-old-key");

        TokenKeyRing rotated = TokenKeyRing.fromBase64(otherKey.currentKeyBase64(), java.util.List.of(keys.currentKeyBase64()));
        try (PostgresPersistence reopened = PostgresPersistence.open(TestDatabase.settings(schema), rotated)) {
            assertThat(reopened.connections().find(shopper.id(), KROGER)).hasValueSatisfying(
                    t -> assertThat(t.tokens().accessToken().value()).isEqualTo("access-under-old-key"));
        }
    }
}
