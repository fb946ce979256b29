package org.personalshopper.adapters.persistence;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * The statements every authenticated request makes (session, shopper, selection list, connection status), the
 * selection save and the statements of a sign-in, as fixed SQL on the context's JDBC connection: jOOQ would render the same SQL again on
 * every call, build a record per row and read each {@code timestamptz} as text to parse it back. Used only
 * where the profile showed that cost (docs/benchmarks.md); everything else stays on jOOQ's DSL. Failures
 * are jOOQ's {@link DataAccessException}, as from the DSL, and an outage is a
 * {@code StorageUnavailableException} as {@link StorageOutages} makes it for the DSL's statements.
 */
final class PlainSql {
    /** 2000-01-01T00:00:00Z, PostgreSQL's zero for binary timestamps, in seconds since 1970. */
    private static final long POSTGRES_EPOCH_SECOND = 946_684_800L;
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long NANOS_PER_MICRO = 1_000L;
    private static final VarHandle BIG_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private PlainSql() {
    }

    /** Reads one column set of the current row. */
    interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    /**
     * The rows {@code sql} (a query, or a write with {@code returning}) gives for these parameters. A row of
     * {@code table} the domain refuses fails as {@link StoredRowInvalidException}, as {@link Rows#read} does.
     */
    static <T> List<T> list(DSLContext context, String table, String sql, Row<T> row, Object... parameters) {
        try {
            return onConnection(context, sql, connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    bind(statement, parameters);
                    try (ResultSet rows = statement.executeQuery()) {
                        List<T> result = new ArrayList<>();
                        try {
                            while (rows.next()) {
                                result.add(row.read(rows));
                            }
                        } catch (IllegalArgumentException refused) {
                            throw StoredRowInvalidException.of(table, refused);
                        }
                        return result;
                    }
                }
            });
        } catch (RuntimeException e) {
            throw StorageOutages.translate(e, "a database statement failed");
        }
    }

    /** Runs a write without {@code returning}; the number of rows it changed. */
    static int execute(DSLContext context, String sql, Object... parameters) {
        try {
            return onConnection(context, sql, connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    bind(statement, parameters);
                    return statement.executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            throw StorageOutages.translate(e, "a database statement failed");
        }
    }

    /**
     * Runs several writes sent as one text ({@code "a; b"}); the number of rows each changed, in order. The
     * driver sends them in one round trip with one Sync: outside a transaction they run as one implicit
     * transaction, committed when the last one is done or rolled back when any fails, each statement with
     * its own snapshot (so a later one sees what an earlier one waited for). A row lock taken by the first
     * is thus held only while the database works, never while this thread waits to be scheduled.
     */
    static int[] executeTogether(DSLContext context, String sql, Object... parameters) {
        try {
            return onConnection(context, sql, connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    bind(statement, parameters);
                    List<Integer> counts = new ArrayList<>();
                    boolean rows = statement.execute();
                    while (true) {
                        if (rows) {
                            throw new IllegalArgumentException("executeTogether runs writes without returning: " + sql);
                        }
                        int count = statement.getUpdateCount();
                        if (count == -1) {
                            break;
                        }
                        counts.add(count);
                        rows = statement.getMoreResults();
                    }
                    return counts.stream().mapToInt(Integer::intValue).toArray();
                }
            });
        } catch (RuntimeException e) {
            throw StorageOutages.translate(e, "a database statement failed");
        }
    }

    static <T> Optional<T> one(DSLContext context, String table, String sql, Row<T> row, Object... parameters) {
        List<T> found = list(context, table, sql, row, parameters);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            // The driver's setObject asks a dozen instanceof questions before it gets to a String or an int.
            if (parameters[i] == null) {
                statement.setNull(i + 1, Types.NULL);
            } else if (parameters[i] instanceof String text) {
                statement.setString(i + 1, text);
            } else if (parameters[i] instanceof Integer number) {
                statement.setInt(i + 1, number);
            } else {
                statement.setObject(i + 1, parameters[i]);
            }
        }
    }

    /**
     * A {@code timestamptz} column that is never null, as an instant. Once the driver has prepared a statement on
     * the server (from its fifth run on), timestamps arrive in binary: a big-endian count of microseconds since
     * 2000-01-01 UTC, which {@code getBytes} hands over as received. Reading that count here makes one object per
     * value where the driver's {@code getObject} makes six (a list of 100 selections reads 200 of them). The
     * text of the first runs, and the two infinities, go through the driver as before.
     */
    static Instant instant(ResultSet row, int column) throws SQLException {
        byte[] raw = row.getBytes(column);
        // Eight bytes of text can only be "infinity"; a binary count starting with that 'i' byte is some
        // 240,000 years away and, like the infinities, left to the driver, which reads it right.
        if (raw != null && raw.length == Long.BYTES && raw[0] != 'i') {
            long micros = (long) BIG_ENDIAN_LONG.get(raw, 0);
            if (micros != Long.MAX_VALUE && micros != Long.MIN_VALUE) {
                return Instant.ofEpochSecond(POSTGRES_EPOCH_SECOND + Math.floorDiv(micros, MICROS_PER_SECOND),
                        Math.floorMod(micros, MICROS_PER_SECOND) * NANOS_PER_MICRO);
            }
        }
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** Work on one JDBC connection. */
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * {@code work} on the context's connection: the open transaction's, else one from the pool, given back
     * after. Straight from the context's connection provider, as jOOQ's {@code connectionResult} takes it,
     * without the wrappers that puts around the connection and its statements for each call.
     */
    private static <T> T onConnection(DSLContext context, String sql, Work<T> work) {
        ConnectionProvider provider = context.configuration().connectionProvider();
        Connection connection = provider.acquire();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new DataAccessException("SQL [" + sql + "]; " + e.getMessage(), e);
        } finally {
            provider.release(connection);
        }
    }
}
