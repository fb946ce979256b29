package org.personalshopper.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Optional;
import java.util.UUID;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.port.out.StorageUnavailableException;
import org.personalshopper.domain.ShopperId;

/**
 * A database that does not answer is an outage the callers can tell from a fault: every storage port
 * throws {@link StorageUnavailableException}, after at most the pool's connection timeout, never with the
 * URL or a value in its message. A plain fault (bad SQL) stays what it was.
 */
class StorageOutageTest {
    private static final ShopperId SHOPPER = new ShopperId(UUID.fromString("11111111-2222-3333-4444-555555555555"));

    @Test
    void withNoDatabaseToConnectToEveryCallIsAnOutageWithinTheConnectionTimeout() throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/postgres?user=postgres&password=not-in-messages";
        HikariConfig config = PostgresPersistence.hikari(new DatabaseSettings(url, Optional.empty(), Optional.empty(),
                Optional.empty(), 2));
        config.setInitializationFailTimeout(-1); // start without the database, as a running service finds itself
        try (HikariDataSource pool = new HikariDataSource(config)) {
            JooqTransactions transactions = new JooqTransactions(pool, SQLDialect.POSTGRES, PostgresPersistence.jooqSettings());
            JooqGuidanceRepository guidance = new JooqGuidanceRepository(transactions, new ShopperLocks(transactions));

            long started = System.nanoTime();
            assertThatThrownBy(() -> guidance.list(SHOPPER)).isInstanceOf(StorageUnavailableException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-in-messages", "127.0.0.1"));
            long waitedMillis = (System.nanoTime() - started) / 1_000_000;
            assertThatThrownBy(() -> transactions.inTransaction(() -> guidance.list(SHOPPER)))
                    .isInstanceOf(StorageUnavailableException.class);

            // the pool's 1.5 s timeout plus a generous margin for a loaded machine, far below the 5 s it was
            assertThat(waitedMillis).isLessThan(PostgresPersistence.CONNECTION_TIMEOUT_MS + 2_500);
        }
    }

    @Test
    void aConnectionTheServerEndsMidTransactionIsAnOutage() {
        DatabaseSettings settings = TestDatabase.settings(TestDatabase.newSchemaName());
        try (HikariDataSource pool = new HikariDataSource(PostgresPersistence.hikari(settings))) {
            JooqTransactions transactions = new JooqTransactions(pool, SQLDialect.POSTGRES, PostgresPersistence.jooqSettings());

            assertThatThrownBy(() -> transactions.inTransaction(() -> {
                transactions.current().fetch("select pg_terminate_backend(pg_backend_pid())");
                return transactions.current().fetch("select 1");
            })).isInstanceOf(StorageUnavailableException.class);
        }
    }

    @Test
    void aFaultIsNotAnOutage() {
        DatabaseSettings settings = TestDatabase.settings(TestDatabase.newSchemaName());
        try (HikariDataSource pool = new HikariDataSource(PostgresPersistence.hikari(settings))) {
            JooqTransactions transactions = new JooqTransactions(pool, SQLDialect.POSTGRES, PostgresPersistence.jooqSettings());

            assertThatThrownBy(() -> transactions.current().fetch("select * from no_such_table"))
                    .isInstanceOf(DataAccessException.class)
                    .isNotInstanceOf(StorageUnavailableException.class);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
