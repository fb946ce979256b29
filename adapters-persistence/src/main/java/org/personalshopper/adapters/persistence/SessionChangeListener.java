package org.personalshopper.adapters.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on its own connection (not one of the pool's) for the announcements of changed sessions and tells
 * {@link RememberedSessions} to forget them. It asks the server that it still answers every
 * {@link #HEARTBEAT}; a connection that fails or stops answering turns the memory off at once (every session is
 * then read from the database) until a new connection listens again.
 */
final class SessionChangeListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionChangeListener.class);
    /** How often a quiet connection is checked: the longest an instance may rely on a dead one unknowingly. */
    static final Duration HEARTBEAT = Duration.ofSeconds(1);
    /** How long the check may take before the connection counts as gone. */
    static final int HEARTBEAT_TIMEOUT_SECONDS = 2;
    /** The wait before connecting again after a failure. */
    static final Duration RECONNECT_AFTER = Duration.ofSeconds(1);
    /** The longest one wait for announcements blocks: how soon {@link #close()} is noticed. */
    private static final int WAIT_MILLIS = 200;

    private final Callable<Connection> connect;
    private final RememberedSessions memory;
    private final Thread thread;
    private volatile boolean running = true;
    /** The server process of the listening connection, 0 while there is none: lets tests cut it. */
    private volatile int backendPid;

    SessionChangeListener(Callable<Connection> connect, RememberedSessions memory) {
        this.connect = Objects.requireNonNull(connect, "connect");
        this.memory = Objects.requireNonNull(memory, "memory");
        this.thread = new Thread(this::listenUntilClosed, "session-changes");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void listenUntilClosed() {
        boolean failedBefore = false;
        while (running) {
            try (Connection connection = connect.call()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + RememberedSessions.CHANGES_CHANNEL);
                }
                PGConnection listening = connection.unwrap(PGConnection.class);
                backendPid = listening.getBackendPID();
                memory.listening();
                if (failedBefore) {
                    LOG.info("listening for session changes again; sessions are remembered again");
                    failedBefore = false;
                }
                relayUntilBroken(listening, connection);
            } catch (Exception e) {
                backendPid = 0;
                memory.notListening();
                if (!running) {
                    break;
                }
                if (!failedBefore) {
                    // Once per outage: the database being away is logged loudly enough elsewhere.
                    LOG.warn("not listening for session changes ({}); every request reads its session from the database until this reconnects",
                            DatabaseSettings.redact(String.valueOf(e.getMessage())));
                    failedBefore = true;
                }
                pause(RECONNECT_AFTER);
            }
        }
        memory.notListening();
    }

    int backendPid() {
        return backendPid;
    }

    /** The memory this listener keeps true. */
    RememberedSessions memory() {
        return memory;
    }

    private void relayUntilBroken(PGConnection notifications, Connection connection) throws SQLException {
        long nextCheck = System.nanoTime() + HEARTBEAT.toNanos();
        while (running) {
            long untilCheck = Math.max(1, (nextCheck - System.nanoTime()) / 1_000_000);
            PGNotification[] arrived = notifications.getNotifications((int) Math.min(untilCheck, WAIT_MILLIS));
            if (arrived != null) {
                for (PGNotification notification : arrived) {
                    memory.forget(notification.getParameter());
                }
            }
            if (System.nanoTime() - nextCheck >= 0) {
                if (!connection.isValid(HEARTBEAT_TIMEOUT_SECONDS)) {
                    throw new SQLException("the database stopped answering on the listening connection");
                }
                nextCheck = System.nanoTime() + HEARTBEAT.toNanos();
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops listening; the thread closes its connection within one wait ({@value #WAIT_MILLIS} ms). */
    @Override
    public void close() {
        running = false;
        memory.notListening();
        thread.interrupt();
        try {
            thread.join(WAIT_MILLIS * 5L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
