package org.personalshopper.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.port.out.StorageUnavailableException;
import org.personalshopper.domain.Shopper;
import org.personalshopper.domain.ShopperId;

/**
 * A database that stops answering in the middle of work (a frozen server, a path that drops packets without
 * a reset) is an outage after a bounded wait, not a request thread held for ever; and once it answers again,
 * so does the service.
 */
class DatabaseFreezeTest {
    /** The socket timeout plus a generous margin for a loaded machine; before it, a frozen read never ended. */
    private static final long OUTAGE_BOUND_SECONDS = PostgresPersistence.SOCKET_TIMEOUT_SECONDS + 5;

    private String schema;
    private FreezingRelay relay;
    private DatabaseSettings settings;

    @BeforeEach
    void relayToTheTestDatabase() throws Exception {
        schema = TestDatabase.newSchemaName();
        relay = FreezingRelay.to(TestDatabase.jdbcUrl());
        settings = new DatabaseSettings(relay.through(TestDatabase.jdbcUrl()), Optional.empty(), Optional.empty(),
                Optional.of(schema), 4);
    }

    @AfterEach
    void closeRelay() throws Exception {
        relay.close();
        TestDatabase.dropSchema(schema);
    }

    @Test
    void aDatabaseThatStopsAnsweringMidRequestIsAnOutageWithinTheSocketTimeoutAndServesAgainOnceItAnswers()
            throws Exception {
        try (PostgresPersistence persistence = PostgresPersistence.open(settings, TokenKeyRing.generate())) {
            Shopper shopper = persistence.shoppers().create(DatabaseTest.T0);

            // Frozen between two reads of one request: the second read is on the wire when the server goes quiet.
            CompletableFuture<Throwable> frozenRead = CompletableFuture.supplyAsync(() -> {
                try {
                    persistence.transactions().inTransaction(() -> {
                        persistence.shoppers().find(shopper.id());
                        relay.freeze();
                        return persistence.shoppers().find(new ShopperId(UUID.randomUUID()));
                    });
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });

            Throwable failure = frozenRead.get(OUTAGE_BOUND_SECONDS, TimeUnit.SECONDS);
            assertThat(failure).isInstanceOf(StorageUnavailableException.class);

            relay.thaw();
            CompletableFuture<Optional<Shopper>> afterwards = CompletableFuture.supplyAsync(
                    () -> persistence.shoppers().find(shopper.id()));
            assertThat(afterwards.get(OUTAGE_BOUND_SECONDS, TimeUnit.SECONDS)).contains(shopper);
        }
    }

    @Test
    void readinessAgainstAFrozenDatabaseSaysNoAndGivesItsConnectionBackWithinItsDeadline() throws Exception {
        // One connection: the check borrows the one that just answered, as a probe does between requests.
        DatabaseSettings oneConnection = new DatabaseSettings(settings.jdbcUrl(), Optional.empty(), Optional.empty(),
                Optional.empty(), 1);
        try (HikariDataSource pool = new HikariDataSource(PostgresPersistence.hikari(oneConnection));
             DatabaseHealth health = new DatabaseHealth(pool)) {
            assertThat(health.answers()).isTrue();

            relay.freeze();
            CompletableFuture<Boolean> frozenCheck = CompletableFuture.supplyAsync(health::answers);
            assertThat(frozenCheck.get(DatabaseHealth.DEADLINE.toMillis() + 3_000, TimeUnit.MILLISECONDS)).isFalse();

            // The check itself gives up, not only the probe's wait for it: no checker thread or pool connection
            // stays behind on the silent server (three stuck checks would leave readiness "no" once it is back).
            long giveUp = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DatabaseHealth.DEADLINE.toMillis() + 3_000);
            while (pool.getHikariPoolMXBean().getActiveConnections() > 0 && System.nanoTime() - giveUp < 0) {
                Thread.sleep(50);
            }
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
        }
    }
}
