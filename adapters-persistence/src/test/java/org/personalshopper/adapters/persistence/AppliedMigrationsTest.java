package org.personalshopper.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A start on an up-to-date schema skips Flyway; these hold that the skip happens only when Flyway would have
 * done nothing, so an operator's schema is still migrated and still validated exactly as Flyway does it.
 */
class AppliedMigrationsTest {
    private static final Map<String, Integer> FILES = AppliedMigrations.migrationFiles().orElseThrow();

    @Test
    void aSchemaFlywayJustMigratedCountsAsUpToDateSoTheNextStartSkipsFlyway() throws SQLException {
        withMigratedSchema(connection -> assertThat(AppliedMigrations.upToDate(connection, FILES)).isTrue());
    }

    @Test
    void anEmptySchemaIsNotUpToDateSoFlywayMigratesIt() throws SQLException {
        String schema = TestDatabase.newSchemaName();
        try (Connection connection = TestDatabase.connect("public"); Statement statement = connection.createStatement()) {
            statement.execute("create schema \"" + schema + "\"");
            connection.setSchema(schema);
            assertThat(AppliedMigrations.upToDate(connection, FILES)).isFalse();
        } finally {
            TestDatabase.dropSchema(schema);
        }
    }

    @Test
    void aMigrationNotYetAppliedIsNotUpToDate() throws SQLException {
        withMigratedSchema(connection -> {
            execute(connection, "delete from flyway_schema_history where version = (select max(version) from flyway_schema_history)");
            assertThat(AppliedMigrations.upToDate(connection, FILES)).isFalse();
        });
    }

    @Test
    void aMigrationFileChangedSinceItWasAppliedIsLeftToFlywayWhoseValidationRefusesTheStart() throws SQLException {
        String schema = TestDatabase.newSchemaName();
        try {
            PostgresPersistence.open(TestDatabase.settings(schema), TokenKeyRing.generate()).close();
            try (Connection connection = TestDatabase.connect(schema)) {
                execute(connection, "update flyway_schema_history set checksum = checksum + 1 where version = '1'");
                assertThat(AppliedMigrations.upToDate(connection, FILES)).isFalse();
            }
            assertThatThrownBy(() -> PostgresPersistence.open(TestDatabase.settings(schema), TokenKeyRing.generate()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("checksum mismatch");
        } finally {
            TestDatabase.dropSchema(schema);
        }
    }

    @Test
    void aFailedMigrationIsNotUpToDate() throws SQLException {
        withMigratedSchema(connection -> {
            execute(connection, "update flyway_schema_history set success = false where version = '1'");
            assertThat(AppliedMigrations.upToDate(connection, FILES)).isFalse();
        });
    }

    private interface ConnectionCheck {
        void check(Connection connection) throws SQLException;
    }

    private static void withMigratedSchema(ConnectionCheck check) throws SQLException {
        String schema = TestDatabase.newSchemaName();
        try {
            PostgresPersistence.open(TestDatabase.settings(schema), TokenKeyRing.generate()).close();
            try (Connection connection = TestDatabase.connect(schema)) {
                check.check(connection);
            }
        } finally {
            TestDatabase.dropSchema(schema);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
