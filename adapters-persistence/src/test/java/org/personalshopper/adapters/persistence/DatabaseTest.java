package org.personalshopper.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.personalshopper.application.contract.Race;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.Shopper;
import org.personalshopper.domain.ShopperId;

/** A test class with its own migrated schema, dropped after its last test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatabaseTest {
    static final Provider KROGER = new Provider("kroger");
    /** Nanoseconds on purpose: what is stored is truncated to the microseconds PostgreSQL keeps. */
    static final Instant T0 = Instant.parse("2026-11-22T10:15:30.123456789Z");

    String schema;
    TokenKeyRing keys;
    PostgresPersistence persistence;

    @BeforeAll
    void openFreshSchema() {
        schema = TestDatabase.newSchemaName();
        keys = TokenKeyRing.generate();
        persistence = PostgresPersistence.open(TestDatabase.settings(schema), keys);
    }

    @AfterAll
    void dropSchema() throws SQLException {
        if (persistence != null) {
            persistence.close();
        }
        TestDatabase.dropSchema(schema);
    }

    Shopper newShopper() {
        return persistence.shoppers().create(T0);
    }

    /** The repository contracts' hooks: a stored shopper (the schema checks), and what PostgreSQL keeps of a time. */
    public ShopperId newShopperId() {
        return newShopper().id();
    }

    public Instant kept(Instant instant) {
        return micros(instant);
    }

    static Instant at(Duration afterT0) {
        return T0.plus(afterT0);
    }

    static Instant micros(Instant instant) {
        return Rows.micros(instant);
    }

    /** The first column of every row the query returns, as text (plain JDBC, outside the adapter). */
    List<String> rawColumn(String sql, Object... binds) throws SQLException {
        try (Connection connection = TestDatabase.connect(schema); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < binds.length; i++) {
                statement.setObject(i + 1, binds[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    int rawUpdate(String sql, Object... binds) throws SQLException {
        try (Connection connection = TestDatabase.connect(schema); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < binds.length; i++) {
                statement.setObject(i + 1, binds[i]);
            }
            return statement.executeUpdate();
        }
    }

    /**
     * A read that meets a stored row the domain refuses fails as our fault: not the domain's
     * InvalidValueException, which the web answers 400 as if the caller had sent a bad value, but a fault
     * (answered 500 with an incident id) naming the table and the field, with the stored value neither in
     * its message nor in any cause's (they are logged; the value may be personal data).
     */
    static void assertStoredRowRefused(ThrowingCallable read, String table, String field, String storedValue) {
        Throwable thrown = assertStoredRowRefused(read, table, storedValue);
        assertThat(thrown).hasMessageContaining(field);
    }

    /** As above, for a check that does not name a field (a rule across fields, an enum's name). */
    static Throwable assertStoredRowRefused(ThrowingCallable read, String table, String storedValue) {
        Throwable thrown = catchThrowable(read);
        assertThat(thrown)
                .isInstanceOf(StoredRowInvalidException.class)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(table);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(storedValue);
        }
        return thrown;
    }

    /** Runs {@code threads} tasks released at the same moment, and returns their results in task order. */
    static <T> List<T> race(int threads, IntFunction<T> task) throws Exception {
        return Race.race(threads, task);
    }
}
