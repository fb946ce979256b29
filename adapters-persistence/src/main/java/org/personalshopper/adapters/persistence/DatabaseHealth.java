package org.personalshopper.adapters.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.personalshopper.application.port.out.StorageHealth;

/**
 * Readiness: {@code select 1} must answer within {@link #DEADLINE}. The check runs on its own small thread
 * pool so a hung connection attempt (the pool waits up to its connection timeout) cannot hold the probe;
 * when every checker thread is still stuck, the database plainly does not answer. A server that stops
 * answering mid-check ends the check at the deadline too (network timeout), so checks do not pile up.
 */
final class DatabaseHealth implements StorageHealth, AutoCloseable {
    static final Duration DEADLINE = Duration.ofMillis(1500);
    private static final int CHECKERS = 3;
    /** pgjdbc only changes its socket's read timeout and never calls the executor; JDBC wants one. */
    private static final Executor UNUSED = Runnable::run;

    private final DataSource dataSource;
    private final ThreadPoolExecutor checkers;

    DatabaseHealth(DataSource dataSource) {
        this.dataSource = dataSource;
        AtomicInteger number = new AtomicInteger();
        this.checkers = new ThreadPoolExecutor(0, CHECKERS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "storage-health-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public boolean answers() {
        Future<Boolean> check;
        try {
            check = checkers.submit(this::selectOne);
        } catch (RejectedExecutionException busyOrClosed) {
            return false;
        }
        try {
            return check.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            check.cancel(true);
            return false;
        } catch (InterruptedException e) {
            check.cancel(true);
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean selectOne() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // A network timeout, not a query timeout: pgjdbc's cancel needs a new connection, which a frozen server
            // never answers, and the statement waits for that cancel (up to 10 s). The network timeout ends the
            // wait on the socket itself, so neither the check nor its connection outlives the deadline; a server
            // too slow for "select 1" loses that one connection. HikariCP puts the pool's timeout back on return.
            connection.setNetworkTimeout(UNUSED, (int) DEADLINE.toMillis());
            try (ResultSet result = statement.executeQuery("select 1")) {
                return result.next() && result.getInt(1) == 1;
            }
        }
    }

    @Override
    public void close() {
        checkers.shutdownNow();
    }
}
