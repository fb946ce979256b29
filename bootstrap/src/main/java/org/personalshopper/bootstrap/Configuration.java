package org.personalshopper.bootstrap;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.personalshopper.adapters.foodin.FoodinScope;
import org.personalshopper.adapters.foodin.FoodinSettings;
import org.personalshopper.adapters.persistence.DatabaseSettings;
import org.personalshopper.adapters.web.WebSettings;
import org.personalshopper.domain.SessionPolicy;

/**
 * Everything the service reads from its environment, checked once at start-up. Each problem is reported
 * as one line naming the variable; values of secret variables are never repeated back.
 *
 * @param provider       the Kroger app credentials; empty: Kroger is off (with no Foodin either: demo mode, both sandboxes)
 * @param redirectUri    the registered callback; also defines the service's own origin for the Origin check
 * @param database       the external PostgreSQL, or empty for the embedded one in {@code dataDir}
 * @param tokenKey       base64 AES-256 key for tokens at rest; required with an external database
 * @param capacity       threads, connections and waits: how much blocking work the service takes on at once
 * @param metricsToken   the bearer token GET /metrics wants; unset, metrics are off
 * @param foodin         Foodin's settings ({@code FOODIN_*}, read by {@link FoodinSettings#fromEnvironment}); empty: off
 * @param foodinRedirectUri Foodin's callback ({@code FOODIN_REDIRECT_URI} or its default), also for the demo sandbox
 * @param foodinScope    {@code FOODIN_SCOPE}, also for the demo sandbox
 * @param signInLimits   how many sign-ins may start per minute, per client address and in all
 * @param planning       how lists are planned: search cache, search concurrency, the optional language model
 */
public record Configuration(
        Optional<ProviderCredentials> provider,
        URI redirectUri,
        URI krogerApiBaseUrl,
        List<String> scopes,
        boolean pkce,
        String bindAddress,
        int port,
        Optional<ExternalDatabase> database,
        Path dataDir,
        Optional<String> tokenKey,
        List<String> previousTokenKeys,
        SessionPolicy sessionPolicy,
        Duration rememberSessions,
        Duration refreshSkew,
        Duration sandboxTokenLifetime,
        Capacity capacity,
        Optional<String> metricsToken,
        Optional<FoodinSettings> foodin,
        URI foodinRedirectUri,
        FoodinScope foodinScope,
        SignInLimits signInLimits,
        Planning planning) {

    /** Sign-ins that may start per minute: from one client address, and from all together. */
    public record SignInLimits(int perClient, int total) {
    }

    public static final String DEFAULT_SCOPES = "profile.compact cart.basic:write product.compact";

    public record ProviderCredentials(String clientId, String clientSecret) {
        @Override
        public String toString() {
            return "ProviderCredentials[clientId=" + clientId + ", clientSecret=redacted]";
        }
    }

    /**
     * How much work is taken on at once (docs/adr/0010-request-and-provider-threads.md).
     *
     * @param requestThreads   threads serving requests that need no provider (SHOPPER_HTTP_WORKERS); sized for the CPUs
     * @param providerThreads  threads for requests that may wait on a provider or whose body is still arriving
     *                         (SHOPPER_PROVIDER_THREADS); beyond them and their queue, 503 at once
     * @param bodyTimeout      how long a request body may take to arrive (SHOPPER_HTTP_BODY_TIMEOUT_SECONDS)
     * @param databaseConnections the database pool's size (SHOPPER_DB_POOL_SIZE)
     * @param providerCalls    calls that may wait on one provider at once; beyond it 503 at once
     *                         (SHOPPER_PROVIDER_MAX_CALLS). Below the pool size: a token refresh holds a
     *                         connection while it waits on the provider.
     */
    public record Capacity(int requestThreads, int providerThreads, Duration bodyTimeout, int databaseConnections,
                           int providerCalls) {
        public static final Capacity DEFAULTS = new Capacity(WebSettings.DEFAULT_REQUEST_THREADS,
                WebSettings.DEFAULT_PROVIDER_THREADS, Duration.ofSeconds(10), 24, 16);
    }

    public record ExternalDatabase(String jdbcUrl, Optional<String> user, Optional<String> password) {
        @Override
        public String toString() {
            return "ExternalDatabase[credentials redacted]";
        }
    }

    /**
     * Planning lists: product searches are cached for {@code catalogCacheTtl} (zero: not cached), at most
     * {@code searchConcurrency} run at once, and an optional OpenAI-compatible language model re-ranks.
     */
    public record Planning(Duration catalogCacheTtl, int searchConcurrency, Optional<LanguageModel> languageModel) {
    }

    /** An OpenAI-compatible chat-completions server: {@code baseUrl} up to and including /v1, e.g. http://localhost:11434/v1. */
    public record LanguageModel(URI baseUrl, String model, Optional<String> apiKey, Duration timeout) {
        @Override
        public String toString() {
            return "LanguageModel[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey.isPresent() ? "redacted" : "none")
                    + ", timeout=" + timeout + "]";
        }
    }

    /** No provider credentials at all: both built-in sandboxes stand in for the providers. */
    public boolean demoMode() {
        return provider.isEmpty() && foodin.isEmpty();
    }

    /** scheme://host[:port] of the redirect URI: the origin browsers send with our own forms and scripts. */
    public URI publicOrigin() {
        return URI.create(redirectUri.getScheme() + "://" + redirectUri.getRawAuthority());
    }

    public boolean secureCookies() {
        return "https".equalsIgnoreCase(redirectUri.getScheme());
    }

    @Override
    public String toString() {
        return "Configuration[demoMode=" + demoMode() + ", kroger=" + provider.isPresent() + ", foodin=" + foodin.isPresent()
                + ", port=" + port + ", redirectUri=" + redirectUri
                + ", krogerApiBaseUrl=" + krogerApiBaseUrl + ", database=" + (database.isPresent() ? "external" : "embedded in " + dataDir)
                + ", secrets redacted]";
    }

    public static Configuration fromEnvironment(Map<String, String> env) {
        Reader read = new Reader(env);
        // Port 0 means "any free port": one is chosen now, because the default redirect URI names it.
        int port = read.integer("SHOPPER_PORT", 8080, 0, 65535, "a port number from 0 to 65535");
        if (port == 0) {
            port = FreePort.find();
        }
        String bindAddress = read.text("SHOPPER_BIND_ADDRESS").orElse("0.0.0.0");

        Optional<String> clientId = read.text("KROGER_CLIENT_ID");
        Optional<String> clientSecret = read.secret("KROGER_CLIENT_SECRET");
        if (clientId.isPresent() != clientSecret.isPresent()) {
            throw new ConfigurationException(clientId.isPresent()
                    ? "KROGER_CLIENT_SECRET is required when KROGER_CLIENT_ID is set"
                    : "KROGER_CLIENT_ID is required when KROGER_CLIENT_SECRET is set (leave both unset for demo mode)");
        }
        Optional<ProviderCredentials> provider = clientId.map(id -> new ProviderCredentials(id, clientSecret.orElseThrow()));

        URI redirectUri = read.uri("KROGER_REDIRECT_URI", true)
                .orElse(URI.create("http://localhost:" + port + "/auth/callback"));
        if (redirectUri.getRawPath() == null || redirectUri.getRawPath().isEmpty()) {
            throw new ConfigurationException("KROGER_REDIRECT_URI must include the callback path, e.g. https://shop.example/auth/callback");
        }
        URI apiBase = read.uri("KROGER_API_BASE_URL", false).orElse(URI.create("https://api.kroger.com"));

        List<String> scopes = Arrays.stream(read.text("KROGER_SCOPES").orElse(DEFAULT_SCOPES).trim().split("\\s+"))
                .filter(s -> !s.isEmpty()).toList();
        for (String scope : scopes) {
            if (!scope.matches("[A-Za-z0-9._:-]+")) {
                throw new ConfigurationException("KROGER_SCOPES must be space-separated scope names such as product.compact");
            }
        }
        boolean pkce = read.bool("KROGER_PKCE", true);

        Optional<ExternalDatabase> database = read.text("SHOPPER_DB_URL").map(url -> {
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new ConfigurationException("SHOPPER_DB_URL must be a PostgreSQL JDBC URL starting with jdbc:postgresql:");
            }
            return new ExternalDatabase(url, read.text("SHOPPER_DB_USER"), read.secret("SHOPPER_DB_PASSWORD"));
        });
        Path dataDir = read.path("SHOPPER_DATA_DIR", Path.of("data"));

        Optional<String> tokenKey = read.secret("SHOPPER_TOKEN_KEY");
        tokenKey.ifPresent(key -> checkKey("SHOPPER_TOKEN_KEY", key));
        List<String> previousKeys = read.secret("SHOPPER_TOKEN_KEY_PREVIOUS")
                .map(list -> Arrays.stream(list.split(",")).map(String::trim).filter(k -> !k.isEmpty()).toList())
                .orElse(List.of());
        previousKeys.forEach(key -> checkKey("SHOPPER_TOKEN_KEY_PREVIOUS", key));
        if (database.isPresent() && tokenKey.isEmpty()) {
            throw new ConfigurationException("SHOPPER_TOKEN_KEY is required with SHOPPER_DB_URL "
                    + "(a base64 256-bit key, e.g. from: openssl rand -base64 32)");
        }

        int idleDays = read.integer("SHOPPER_SESSION_IDLE_DAYS", 30, 1, 3650, "a number of days from 1 to 3650");
        int maxDays = read.integer("SHOPPER_SESSION_MAX_DAYS", 90, 1, 3650, "a number of days from 1 to 3650");
        if (maxDays < idleDays) {
            throw new ConfigurationException("SHOPPER_SESSION_MAX_DAYS must be at least SHOPPER_SESSION_IDLE_DAYS");
        }
        int rememberSeconds = read.integer("SHOPPER_SESSION_MEMORY_SECONDS", (int) DatabaseSettings.DEFAULT_REMEMBER_SESSIONS.toSeconds(),
                0, (int) DatabaseSettings.MAX_REMEMBER_SESSIONS.toSeconds(),
                "a number of seconds from 0 to " + DatabaseSettings.MAX_REMEMBER_SESSIONS.toSeconds());
        int skew = read.integer("SHOPPER_TOKEN_REFRESH_SKEW_SECONDS", 60, 0, 1200, "a number of seconds from 0 to 1200");
        int sandboxLifetime = read.integer("SHOPPER_SANDBOX_TOKEN_LIFETIME_SECONDS", 1800, 2, 86400,
                "a number of seconds from 2 to 86400");

        Capacity defaults = Capacity.DEFAULTS;
        int workers = read.integer("SHOPPER_HTTP_WORKERS", defaults.requestThreads(), 2, WebSettings.MAX_THREADS,
                "a number from 2 to " + WebSettings.MAX_THREADS);
        int providerThreads = read.integer("SHOPPER_PROVIDER_THREADS", defaults.providerThreads(), 2, WebSettings.MAX_THREADS,
                "a number from 2 to " + WebSettings.MAX_THREADS);
        int bodySeconds = read.integer("SHOPPER_HTTP_BODY_TIMEOUT_SECONDS", (int) defaults.bodyTimeout().toSeconds(), 1, 300,
                "a number of seconds from 1 to 300");
        int connections = read.integer("SHOPPER_DB_POOL_SIZE", defaults.databaseConnections(), 2, 100, "a number from 2 to 100");
        int providerCalls = read.integer("SHOPPER_PROVIDER_MAX_CALLS", defaults.providerCalls(), 1, 1000, "a number from 1 to 1000");
        if (providerCalls >= connections) {
            throw new ConfigurationException("SHOPPER_PROVIDER_MAX_CALLS must be below SHOPPER_DB_POOL_SIZE ("
                    + connections + "): a token refresh holds a database connection while it waits on the provider");
        }
        if (providerCalls >= providerThreads) {
            throw new ConfigurationException("SHOPPER_PROVIDER_MAX_CALLS must be below SHOPPER_PROVIDER_THREADS ("
                    + providerThreads + "): one slow provider must leave provider threads for the others");
        }

        Optional<String> metricsToken = read.secret("SHOPPER_METRICS_TOKEN");
        if (metricsToken.isPresent() && (metricsToken.get().length() < 16 || !metricsToken.get().matches("[\\x21-\\x7E]+"))) {
            throw new ConfigurationException("SHOPPER_METRICS_TOKEN must be at least 16 visible ASCII characters"
                    + " (e.g. from: openssl rand -hex 16)");
        }

        Optional<FoodinSettings> foodin;
        URI foodinRedirectUri;
        FoodinScope foodinScope;
        try {
            foodin = FoodinSettings.fromEnvironment(env, port);
            foodinRedirectUri = FoodinSettings.redirectUri(env, port);
            foodinScope = FoodinSettings.scope(env);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage());
        }

        return new Configuration(provider, redirectUri, apiBase, scopes, pkce, bindAddress, port, database, dataDir,
                tokenKey, previousKeys, new SessionPolicy(Duration.ofDays(idleDays), Duration.ofDays(maxDays)),
                Duration.ofSeconds(rememberSeconds), Duration.ofSeconds(skew), Duration.ofSeconds(sandboxLifetime),
                new Capacity(workers, providerThreads, Duration.ofSeconds(bodySeconds), connections, providerCalls), metricsToken,
                foodin, foodinRedirectUri, foodinScope, signInLimits(read), planning(read));
    }

    private static SignInLimits signInLimits(Reader read) {
        int perClient = read.integer("SHOPPER_SIGN_INS_PER_CLIENT_PER_MINUTE", 20, 1, 100_000, "a number from 1 to 100000");
        int total = read.integer("SHOPPER_SIGN_INS_PER_MINUTE", 600, 1, 1_000_000, "a number from 1 to 1000000");
        if (total < perClient) {
            throw new ConfigurationException("SHOPPER_SIGN_INS_PER_MINUTE must be at least SHOPPER_SIGN_INS_PER_CLIENT_PER_MINUTE");
        }
        return new SignInLimits(perClient, total);
    }

    private static Planning planning(Reader read) {
        int ttl = read.integer("SHOPPER_CATALOG_CACHE_TTL_SECONDS", 300, 0, 3600, "a number of seconds from 0 to 3600");
        int concurrency = read.integer("SHOPPER_PLAN_SEARCH_CONCURRENCY", 4, 1, 16, "a number from 1 to 16");
        Optional<URI> baseUrl = read.uri("SHOPPER_LLM_BASE_URL", true);
        Optional<String> model = read.text("SHOPPER_LLM_MODEL");
        if (baseUrl.isPresent() != model.isPresent()) {
            throw new ConfigurationException(baseUrl.isPresent()
                    ? "SHOPPER_LLM_MODEL is required when SHOPPER_LLM_BASE_URL is set"
                    : "SHOPPER_LLM_BASE_URL is required when SHOPPER_LLM_MODEL is set");
        }
        int timeout = read.integer("SHOPPER_LLM_TIMEOUT_SECONDS", 20, 1, 120, "a number of seconds from 1 to 120");
        Optional<LanguageModel> languageModel = baseUrl.map(url -> new LanguageModel(url, model.orElseThrow(),
                read.secret("SHOPPER_LLM_API_KEY"), Duration.ofSeconds(timeout)));
        return new Planning(Duration.ofSeconds(ttl), concurrency, languageModel);
    }

    private static void checkKey(String variable, String base64) {
        byte[] key;
        try {
            key = java.util.Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException notStandard) {
            try {
                key = java.util.Base64.getUrlDecoder().decode(base64.trim());
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(variable + " must be base64 (e.g. from: openssl rand -base64 32)");
            }
        }
        if (key.length != 32) {
            throw new ConfigurationException(variable + " must decode to 32 bytes (256 bits), got " + key.length);
        }
    }

    /** Reads variables; blank counts as unset. */
    private record Reader(Map<String, String> env) {
        Optional<String> text(String name) {
            return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
        }

        Optional<String> secret(String name) {
            return text(name);
        }

        int integer(String name, int fallback, int min, int max, String rule) {
            return text(name).map(value -> parse(name, value, rule, v -> {
                int n = Integer.parseInt(v);
                if (n < min || n > max) {
                    throw new NumberFormatException();
                }
                return n;
            })).orElse(fallback);
        }

        boolean bool(String name, boolean fallback) {
            return text(name).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new ConfigurationException(name + " must be true or false, got '" + value + "'");
            }).orElse(fallback);
        }

        Optional<URI> uri(String name, boolean pathAllowed) {
            return text(name).map(value -> {
                URI uri;
                try {
                    uri = new URI(value);
                } catch (URISyntaxException e) {
                    throw new ConfigurationException(name + " must be an http(s) URL, got '" + value + "'");
                }
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                        || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                    throw new ConfigurationException(name + " must be an http(s) URL with a host and no query, got '" + value + "'");
                }
                if (!pathAllowed && uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
                    throw new ConfigurationException(name + " must be scheme and host only (paths such as /v1 are added), got '" + value + "'");
                }
                return pathAllowed ? uri : URI.create(scheme + "://" + uri.getRawAuthority());
            });
        }

        Path path(String name, Path fallback) {
            return text(name).map(value -> {
                try {
                    return Path.of(value);
                } catch (InvalidPathException e) {
                    throw new ConfigurationException(name + " must be a directory path, got '" + value + "'");
                }
            }).orElse(fallback).toAbsolutePath().normalize();
        }

        private static <T> T parse(String name, String value, String rule, Function<String, T> parser) {
            try {
                return parser.apply(value);
            } catch (RuntimeException e) {
                throw new ConfigurationException(name + " must be " + rule + ", got '" + value + "'");
            }
        }
    }
}
