package org.personalshopper.adapters.persistence;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.personalshopper.application.port.out.StorageUnavailableException;

/**
 * Tells a database outage from a fault, and turns the first into {@link StorageUnavailableException}: as
 * a jOOQ listener for every statement, and for the connections {@link JooqTransactions} takes itself.
 * An outage is a connection that could not be had or broke (SQLSTATE class 08, Hikari's timeout; a server
 * silent for the socket timeout is 08006 too), a server shutting down or refusing connections (57P01-57P03),
 * or out of resources (class 53).
 */
final class StorageOutages implements ExecuteListener {
    @Override
    public void exception(ExecuteContext ctx) {
        RuntimeException failure = ctx.exception();
        Throwable evidence = ctx.sqlException() != null ? ctx.sqlException() : failure;
        if (failure != null && !(failure instanceof StorageUnavailableException)) {
            outage(evidence, "a database statement failed").ifPresent(ctx::exception);
        }
    }

    /** The outage {@code failure} shows, if it is one. */
    static Optional<StorageUnavailableException> outage(Throwable failure, String what) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof StorageUnavailableException already) {
                return Optional.of(already);
            }
            if (isOutage(t)) {
                return Optional.of(new StorageUnavailableException(what + ": the database does not answer ("
                        + describe(t) + ")", failure));
            }
        }
        return Optional.empty();
    }

    /** {@code failure} as an outage when it is one, else as it was. */
    static RuntimeException translate(RuntimeException failure, String what) {
        return outage(failure, what).<RuntimeException>map(e -> e).orElse(failure);
    }

    private static boolean isOutage(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof ConnectException || t instanceof EOFException || t instanceof SocketException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || state.startsWith("53") || state.equals("57P01") || state.equals("57P02")
                    || state.equals("57P03");
        }
        return false;
    }

    /** The kind and SQLSTATE only: messages can carry the URL or values. */
    private static String describe(Throwable t) {
        String kind = t.getClass().getSimpleName();
        return t instanceof SQLException sql && sql.getSQLState() != null ? kind + " " + sql.getSQLState() : kind;
    }
}
