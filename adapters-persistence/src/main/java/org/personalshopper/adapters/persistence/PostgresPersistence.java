package org.personalshopper.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.personalshopper.application.port.out.CartSubmissionRepository;
import org.personalshopper.application.port.out.ConnectionRepository;
import org.personalshopper.application.port.out.GuidanceRepository;
import org.personalshopper.application.port.out.LoginAttemptRepository;
import org.personalshopper.application.port.out.SelectionRepository;
import org.personalshopper.application.port.out.SessionRepository;
import org.personalshopper.application.port.out.ShopperRepository;
import org.personalshopper.application.port.out.ShoppingListRepository;
import org.personalshopper.application.port.out.StorageHealth;
import org.personalshopper.application.port.out.Transactions;
import org.personalshopper.domain.ShopperId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shopper database, ready to use: a HikariCP pool, the schema migrated by Flyway, and every repository
 * port plus {@link Transactions} and {@link StorageHealth} on top of it. Open once at start-up, close at
 * shutdown (closes the pool).
 */
public final class PostgresPersistence implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresPersistence.class);
    private static final String POOL_NAME = "shopper-db";
    /** How long a request waits for a connection: when the database is down, the 503 comes after this. */
    static final long CONNECTION_TIMEOUT_MS = 1_500;
    /**
     * How long opening one connection may take, login included: a server that accepts the connection and then
     * says nothing (hung, or not PostgreSQL) fails the start with a clear line instead of holding it forever.
     */
    static final int LOGIN_TIMEOUT_SECONDS = 5;
    /**
     * How long a statement may wait for the server's next byte before the connection counts as broken (an outage:
     * 503). A frozen server or a path that drops packets without a reset otherwise holds the request thread for
     * ever. Every statement a request or housekeeping makes answers in milliseconds; the longest legitimate wait is
     * for the token row a provider refresh holds locked during its HTTP call (2 s connect + 10 s request at most),
     * hence 15 s. Start-up work that grows with the data runs without it ({@link WithoutSocketTimeout}).
     */
    static final int SOCKET_TIMEOUT_SECONDS = 15;

    private final HikariDataSource pool;
    private final JooqTransactions transactions;
    private final ShopperRepository shoppers;
    private final SessionRepository sessions;
    private final LoginAttemptRepository loginAttempts;
    private final ConnectionRepository connections;
    private final GuidanceRepository guidance;
    private final SelectionRepository selections;
    private final CartSubmissionRepository cartSubmissions;
    private final ShoppingListRepository shoppingLists;
    private final DatabaseHealth health;
    private final Optional<SessionChangeListener> sessionChanges;

    private PostgresPersistence(HikariDataSource pool, TokenKeyRing keys, DatabaseSettings settings) {
        this.pool = pool;
        this.transactions = new JooqTransactions(pool, SQLDialect.POSTGRES, jooqSettings());
        TokenCipher cipher = new TokenCipher(keys);
        ShopperLocks locks = new ShopperLocks(transactions);
        SessionRepository storedSessions = new JooqSessionRepository(transactions);
        Consumer<ShopperId> sessionsEnded;
        if (settings.rememberSessions().isZero()) {
            this.sessions = storedSessions;
            this.sessionChanges = Optional.empty();
            sessionsEnded = shopper -> { };
        } else {
            RememberedSessions remembered = new RememberedSessions(storedSessions, settings.rememberSessions(),
                    RememberedSessions.DEFAULT_CAPACITY, System::nanoTime);
            this.sessions = remembered;
            this.sessionChanges = Optional.of(new SessionChangeListener(() -> listeningConnection(settings), remembered));
            sessionsEnded = remembered::forgetShopper;
        }
        this.shoppers = new JooqShopperRepository(transactions, sessionsEnded);
        this.loginAttempts = new JooqLoginAttemptRepository(transactions, cipher);
        this.connections = new JooqConnectionRepository(transactions, cipher, sessionsEnded);
        this.guidance = new JooqGuidanceRepository(transactions, locks);
        this.selections = new JooqSelectionRepository(transactions, locks);
        this.cartSubmissions = new JooqCartSubmissionRepository(transactions, locks);
        this.shoppingLists = new JooqShoppingListRepository(transactions, locks);
        this.health = new DatabaseHealth(pool);
        // Started last: it only ever turns the memory on once it listens, so requests before that read the table.
        sessionChanges.ifPresent(SessionChangeListener::start);
    }

    /**
     * Connects, migrates the schema to the newest version and returns the open persistence. Fails with an
     * {@link IllegalStateException} naming the (redacted) URL when the database cannot be reached or migrated.
     */
    public static PostgresPersistence open(DatabaseSettings settings, TokenKeyRing keys) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(keys, "keys");
        quietJooq();
        HikariDataSource pool;
        try {
            pool = new ShopperPool(hikari(settings));
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot connect to PostgreSQL at " + settings.redactedUrl() + ": "
                    + rootMessage(e), e);
        }
        try {
            // Migrations and re-encryption take as long as the data makes them: not cut off by the socket timeout.
            DataSource startUp = new WithoutSocketTimeout(pool);
            migrate(startUp, settings);
            Set<String> used = requireKeysForStoredTokens(startUp, keys);
            // Only when something is stored under an older key: otherwise there is nothing to move, and the start
            // need not load jOOQ's query building for it.
            int moved = used.stream().allMatch(keys.currentKeyId()::equals) ? 0
                    : TokenReencryption.toCurrentKey(DSL.using(startUp, SQLDialect.POSTGRES, jooqSettings()), keys, new TokenCipher(keys));
            if (moved > 0) {
                LOG.info("re-encrypted {} stored token rows under the current token key {}; older keys are no longer needed",
                        moved, keys.currentKeyId());
            }
            LOG.info("Shopper database ready at {} (schema {}), token key id {}", settings.redactedUrl(),
                    settings.schema().orElse("default"), keys.currentKeyId());
            return new PostgresPersistence(pool, keys, settings);
        } catch (TokenKeyMismatchException e) {
            pool.close();
            throw e;
        } catch (RuntimeException e) {
            pool.close();
            throw new IllegalStateException("cannot migrate the shopper database at " + settings.redactedUrl() + ": "
                    + rootMessage(e), e);
        }
    }

    public Transactions transactions() {
        return transactions;
    }

    public ShopperRepository shoppers() {
        return shoppers;
    }

    public SessionRepository sessions() {
        return sessions;
    }

    public LoginAttemptRepository loginAttempts() {
        return loginAttempts;
    }

    public ConnectionRepository connections() {
        return connections;
    }

    public GuidanceRepository guidance() {
        return guidance;
    }

    public SelectionRepository selections() {
        return selections;
    }

    public CartSubmissionRepository cartSubmissions() {
        return cartSubmissions;
    }

    public ShoppingListRepository shoppingLists() {
        return shoppingLists;
    }

    public StorageHealth storageHealth() {
        return health;
    }

    /**
     * Publishes the connection pool's metrics (HikariCP's own: connections active, idle, pending, wait and
     * usage times) into {@code meterRegistry}, a Micrometer {@code MeterRegistry}; typed as HikariCP types
     * it, so this module needs no metrics library. Once only.
     */
    public void recordPoolMetrics(Object meterRegistry) {
        pool.setMetricRegistry(meterRegistry);
    }

    /** The memory in front of the sessions and its listener, when sessions are remembered: for tests in this package. */
    Optional<RememberedSessions> rememberedSessions() {
        return sessionChanges.map(SessionChangeListener::memory);
    }

    Optional<SessionChangeListener> sessionChanges() {
        return sessionChanges;
    }

    /** The transactions with their current jOOQ context: lets tests in this package read raw columns. */
    JooqTransactions jooq() {
        return transactions;
    }

    @Override
    public void close() {
        sessionChanges.ifPresent(SessionChangeListener::close);
        health.close();
        pool.close();
    }

    /**
     * The connection that listens for session changes: the pool's settings, but its own, outside the pool (it is
     * held for ever, and a pool connection taken for good would be one fewer for requests).
     */
    private static Connection listeningConnection(DatabaseSettings settings) throws SQLException {
        HikariConfig config = hikari(settings);
        Properties properties = new Properties();
        properties.putAll(config.getDataSourceProperties());
        properties.setProperty("ApplicationName", "personal-shopper-sessions");
        settings.user().ifPresent(user -> properties.setProperty("user", user));
        settings.password().ifPresent(password -> properties.setProperty("password", password));
        return DriverManager.getConnection(settings.jdbcUrl(), properties);
    }

    static HikariConfig hikari(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(POOL_NAME);
        config.setJdbcUrl(settings.jdbcUrl());
        settings.user().ifPresent(config::setUsername);
        settings.password().ifPresent(config::setPassword);
        settings.schema().ifPresent(config::setSchema);
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setMinimumIdle(Math.min(2, settings.maxPoolSize()));
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        config.setValidationTimeout(1_000);
        // A connection attempt to a host that does not answer gives up with the pool, not after the OS's minutes.
        config.addDataSourceProperty("connectTimeout", Long.toString((CONNECTION_TIMEOUT_MS + 999) / 1000));
        // connectTimeout ends at the accepted connection; without a login timeout the driver then waits for the
        // server's first byte without end.
        config.addDataSourceProperty("loginTimeout", Integer.toString(LOGIN_TIMEOUT_SECONDS));
        // A server that stops answering mid-statement: the wait ends, pgjdbc reports SQLSTATE 08006 (an outage).
        config.addDataSourceProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_SECONDS));
        config.addDataSourceProperty("ApplicationName", "personal-shopper");
        return config;
    }

    private static void migrate(DataSource database, DatabaseSettings settings) {
        if (AppliedMigrations.upToDate(database)) {
            return; // every migration applied, none changed: Flyway would do nothing but cost the start its class loading
        }
        FluentConfiguration flyway = Flyway.configure()
                .dataSource(database)
                .locations("classpath:" + AppliedMigrations.LOCATION);
        settings.schema().ifPresent(schema -> flyway.schemas(schema).defaultSchema(schema));
        flyway.load().migrate();
    }

    /**
     * The key ids stored ciphertexts name (key ids are not secret); fails when the ring lacks any. Plain JDBC: one
     * fixed query, and jOOQ's first query costs the start its class loading.
     */
    private static Set<String> requireKeysForStoredTokens(DataSource database, TokenKeyRing keys) {
        Set<String> used = new TreeSet<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select split_part(access_token_enc, ':', 1) from shopper_connection"
                     + " union select split_part(refresh_token_enc, ':', 1) from shopper_connection"
                     + " union select split_part(code_verifier_enc, ':', 1) from login_attempt where code_verifier_enc is not null")) {
            while (rows.next()) {
                used.add(String.valueOf(rows.getString(1)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(keys.keyIds());
        if (!missing.isEmpty()) {
            throw new TokenKeyMismatchException(missing, new TreeSet<>(keys.keyIds()));
        }
        return used;
    }

    static Settings jooqSettings() {
        return new Settings()
                // no SQL with bound values in any log: values include ciphertexts and hashes of secrets
                .withExecuteLogging(false)
                .withExecuteLoggingSQLExceptions(false)
                .withDiagnosticsLogging(false);
    }

    /** jOOQ prints a banner and tips unless told not to; honour an explicit choice made by the caller. */
    private static void quietJooq() {
        if (System.getProperty("org.jooq.no-logo") == null) {
            System.setProperty("org.jooq.no-logo", "true");
        }
        if (System.getProperty("org.jooq.no-tips") == null) {
            System.setProperty("org.jooq.no-tips", "true");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return DatabaseSettings.redact(message);
    }
}
