package org.personalshopper.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

/**
 * The connection pool, telling a database that does not answer from one that is merely busy. Its connection
 * timeout is short ({@link PostgresPersistence#CONNECTION_TIMEOUT_MS}), so that when the database is down a
 * request learns it within two seconds. But when every live connection is in use by work that goes on (a burst
 * of requests), the timeout only means "busy": the request keeps waiting, up to {@link #BUSY_WAIT} in all.
 */
final class ShopperPool extends HikariDataSource {
    static final Duration BUSY_WAIT = Duration.ofSeconds(10);

    ShopperPool(HikariConfig config) {
        super(config);
    }

    @Override
    public Connection getConnection() throws SQLException {
        long deadline = System.nanoTime() + BUSY_WAIT.toNanos();
        while (true) {
            try {
                return super.getConnection();
            } catch (SQLTransientConnectionException timedOut) {
                if (!busyNotDown(timedOut) || System.nanoTime() - deadline > 0) {
                    throw timedOut;
                }
            }
        }
    }

    /**
     * The pool timed out with live connections and no failed attempt to open one (HikariCP gives its last
     * connection failure as the timeout's cause): the database answers, every connection is simply in use.
     */
    private boolean busyNotDown(SQLTransientConnectionException timedOut) {
        HikariPoolMXBean pool = getHikariPoolMXBean();
        return timedOut.getCause() == null && pool != null && pool.getTotalConnections() > 0;
    }
}
