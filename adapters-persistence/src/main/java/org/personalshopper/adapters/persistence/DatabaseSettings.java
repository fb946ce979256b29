package org.personalshopper.adapters.persistence;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the shopper database lives. {@code user} and {@code password} may also be given in the JDBC URL;
 * {@code schema} isolates everything (tables and Flyway's history) in one schema, created when missing.
 * {@code rememberSessions}: how long a session just read may answer from memory (ADR 12); zero: never.
 * {@link #toString()} never shows the password, in a field or in the URL.
 */
public record DatabaseSettings(String jdbcUrl, Optional<String> user, Optional<String> password, Optional<String> schema,
                               int maxPoolSize, Duration rememberSessions) {
    public static final int DEFAULT_POOL_SIZE = 10;
    public static final int MAX_POOL_SIZE = 100;
    public static final Duration DEFAULT_REMEMBER_SESSIONS = Duration.ofSeconds(30);
    /** Longer buys little (a shopper's requests come in bursts) and keeps a stale idle clock longer. */
    public static final Duration MAX_REMEMBER_SESSIONS = Duration.ofMinutes(5);

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the database URL must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)");
        }
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(schema, "schema");
        if (user.isPresent() && user.get().isBlank()) {
            throw new IllegalArgumentException("the database user must not be blank when given");
        }
        // The schema name goes into search_path and Flyway's DDL, so only plain identifiers are accepted.
        schema.ifPresent(s -> {
            if (!s.matches("[a-z_][a-z0-9_]{0,62}")) {
                throw new IllegalArgumentException("the database schema must be a lower-case identifier of at most 63 characters");
            }
        });
        if (maxPoolSize < 1 || maxPoolSize > MAX_POOL_SIZE) {
            throw new IllegalArgumentException("the database pool size must be between 1 and " + MAX_POOL_SIZE);
        }
        Objects.requireNonNull(rememberSessions, "rememberSessions");
        if (rememberSessions.isNegative() || rememberSessions.compareTo(MAX_REMEMBER_SESSIONS) > 0) {
            throw new IllegalArgumentException("sessions can be remembered for 0 to " + MAX_REMEMBER_SESSIONS.toSeconds() + " seconds");
        }
    }

    /** Sessions remembered for {@link #DEFAULT_REMEMBER_SESSIONS}. */
    public DatabaseSettings(String jdbcUrl, Optional<String> user, Optional<String> password, Optional<String> schema,
                            int maxPoolSize) {
        this(jdbcUrl, user, password, schema, maxPoolSize, DEFAULT_REMEMBER_SESSIONS);
    }

    /** The usual case: the default schema ({@code public}) and a pool of {@value #DEFAULT_POOL_SIZE}. */
    public static DatabaseSettings of(String jdbcUrl, Optional<String> user, Optional<String> password) {
        return new DatabaseSettings(jdbcUrl, user, password, Optional.empty(), DEFAULT_POOL_SIZE);
    }

    public DatabaseSettings inSchema(String schemaName) {
        return new DatabaseSettings(jdbcUrl, user, password, Optional.of(schemaName), maxPoolSize, rememberSessions);
    }

    public DatabaseSettings rememberingSessionsFor(Duration lifetime) {
        return new DatabaseSettings(jdbcUrl, user, password, schema, maxPoolSize, lifetime);
    }

    /** The URL with any password parameter or user-info part masked: safe for logs and messages. */
    public String redactedUrl() {
        return redact(jdbcUrl);
    }

    static String redact(String url) {
        return url
                .replaceAll("(?i)([?&;]password=)[^&;]*", "$1***")
                .replaceAll("//[^/@?]*@", "//***@");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + redactedUrl() + ", user=" + user.orElse("(from URL)")
                + ", password=" + (password.isPresent() ? "***" : "(none)") + ", schema=" + schema.orElse("(default)")
                + ", maxPoolSize=" + maxPoolSize + ", rememberSessions=" + rememberSessions + "]";
    }
}
