package org.personalshopper.adapters.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.personalshopper.application.port.out.Transactions;

/**
 * Transactions on one pooled connection bound to the calling thread. Repositories ask {@link #current()}
 * for the context to run on: the transaction's while one is open on this thread, otherwise the pool's
 * (each statement then commits on its own). Nested calls join the outer transaction. The work's own
 * unchecked exception is rethrown as it was, after the rollback.
 */
final class JooqTransactions implements Transactions {
    private final DataSource dataSource;
    private final SQLDialect dialect;
    private final Settings settings;
    private final DSLContext pooled;
    private final ThreadLocal<DSLContext> open = new ThreadLocal<>();
    private final StorageOutages outages = new StorageOutages();

    JooqTransactions(DataSource dataSource, SQLDialect dialect, Settings settings) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.pooled = DSL.using(new DefaultConfiguration().set(dataSource).set(dialect).set(settings)
                .set(new DefaultExecuteListenerProvider(outages)));
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        if (open.get() != null) {
            return work.get();
        }
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw StorageOutages.translate(
                    new DataAccessException("no database connection for a transaction: " + e.getMessage(), e), "no connection");
        }
        try (connection) {
            connection.setAutoCommit(false);
            open.set(DSL.using(new DefaultConfiguration().set(connection).set(dialect).set(settings)
                    .set(new DefaultExecuteListenerProvider(outages))));
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error failure) {
                rollbackQuietly(connection, failure);
                throw failure;
            }
            try {
                connection.commit();
            } catch (SQLException e) {
                RuntimeException failure = StorageOutages.translate(
                        new DataAccessException("the transaction could not commit: " + e.getMessage(), e), "commit");
                rollbackQuietly(connection, failure);
                throw failure;
            }
            return result;
        } catch (SQLException e) {
            throw StorageOutages.translate(
                    new DataAccessException("the transaction's connection failed: " + e.getMessage(), e), "connection");
        } finally {
            open.remove();
        }
    }

    /** Whether the calling thread is inside {@link #inTransaction}. */
    boolean active() {
        return open.get() != null;
    }

    /** The context repositories run on: the open transaction's, else the pool's. */
    DSLContext current() {
        DSLContext transaction = open.get();
        return transaction != null ? transaction : pooled;
    }

    private static void rollbackQuietly(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
