package org.personalshopper.adapters.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
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
 * when every checker thread is still stuck, the database plainly does not answer.
 */
final class DatabaseHealth implements StorageHealth, AutoCloseable {
    static final Duration DEADLINE = Duration.ofMillis(1500);
    private static final int CHECKERS = 3;

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
            statement.setQueryTimeout((int) Math.max(1, DEADLINE.toSeconds()));
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
