package org.personalshopper.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationTest {
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private static Configuration parse(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return Configuration.fromEnvironment(env);
    }

    @Test
    void noConfigurationMeansDemoModeOnPort8080WithTheEmbeddedDatabase() {
        Configuration config = parse();

        assertThat(config.demoMode()).isTrue();
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.redirectUri()).isEqualTo(URI.create("http://localhost:8080/auth/callback"));
        assertThat(config.publicOrigin()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(config.secureCookies()).isFalse();
        assertThat(config.krogerApiBaseUrl()).isEqualTo(URI.create("https://api.kroger.com"));
        assertThat(config.scopes()).containsExactly("profile.compact", "cart.basic:write", "product.compact");
        assertThat(config.pkce()).isTrue();
        assertThat(config.database()).isEmpty();
        assertThat(config.dataDir().isAbsolute()).isTrue();
        assertThat(config.dataDir().getFileName().toString()).isEqualTo("data");
        assertThat(config.sessionPolicy().idleTimeout()).isEqualTo(Duration.ofDays(30));
        assertThat(config.sessionPolicy().absoluteTimeout()).isEqualTo(Duration.ofDays(90));
        assertThat(config.refreshSkew()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void requestThreadsDefaultToTwoPerCpuAndProviderThreadsTo64WithTheCallLimitBelowThem() {
        Configuration.Capacity capacity = parse().capacity();
        assertThat(capacity.requestThreads()).isEqualTo(Math.max(2, 2 * Runtime.getRuntime().availableProcessors()));
        assertThat(capacity.providerThreads()).isEqualTo(64);
        assertThat(capacity.providerCalls()).isEqualTo(16);

        Configuration.Capacity tuned = parse("SHOPPER_HTTP_WORKERS", "3", "SHOPPER_PROVIDER_THREADS", "20").capacity();
        assertThat(tuned.requestThreads()).isEqualTo(3);
        assertThat(tuned.providerThreads()).isEqualTo(20);
        assertThatThrownBy(() -> parse("SHOPPER_PROVIDER_THREADS", "1"))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("SHOPPER_PROVIDER_THREADS must be");
        assertThatThrownBy(() -> parse("SHOPPER_HTTP_WORKERS", "lots"))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("SHOPPER_HTTP_WORKERS must be");
        assertThatThrownBy(() -> parse("SHOPPER_PROVIDER_THREADS", "16"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("SHOPPER_PROVIDER_MAX_CALLS must be below SHOPPER_PROVIDER_THREADS");
    }

    @Test
    void aProviderIsOnWhenItsClientIdIsSetAndDemoModeOnlyWithoutAnyCredentials() {
        Configuration none = parse("SHOPPER_PORT", "8180");
        assertThat(none.demoMode()).isTrue();
        assertThat(none.foodin()).isEmpty();
        assertThat(none.foodinRedirectUri()).isEqualTo(URI.create("http://localhost:8180/auth/callback/foodin"));

        Configuration foodinOnly = parse("FOODIN_CLIENT_ID", "ca_test_1", "FOODIN_CLIENT_SECRET", "sk_test_1",
                "FOODIN_BASE_URL", "https://connect.foodin.example");
        assertThat(foodinOnly.demoMode()).isFalse();
        assertThat(foodinOnly.provider()).as("Kroger is off").isEmpty();
        assertThat(foodinOnly.foodin()).hasValueSatisfying(f -> assertThat(f.baseUrl()).isEqualTo(URI.create("https://connect.foodin.example")));

        Configuration krogerOnly = parse("KROGER_CLIENT_ID", "app", "KROGER_CLIENT_SECRET", "s3cret");
        assertThat(krogerOnly.demoMode()).isFalse();
        assertThat(krogerOnly.foodin()).isEmpty();
        assertThat(krogerOnly.toString()).doesNotContain("s3cret");
    }

    @Test
    void foodinsVariablesAreCheckedAsOneLineNamingTheVariable() {
        assertThatThrownBy(() -> parse("FOODIN_CLIENT_ID", "ca_test_1", "FOODIN_BASE_URL", "https://connect.foodin.example"))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("FOODIN_CLIENT_SECRET");
        assertThatThrownBy(() -> parse("FOODIN_CLIENT_ID", "ca_test_1", "FOODIN_CLIENT_SECRET", "sk_secret_value"))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("FOODIN_BASE_URL")
                .hasMessageNotContaining("sk_secret_value");
        assertThatThrownBy(() -> parse("FOODIN_SCOPE", "everything"))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("FOODIN_SCOPE");
    }

    @Test
    void metricsAreOffUntilATokenIsSetAndAWeakTokenIsRefusedWithoutRepeatingIt() {
        assertThat(parse().metricsToken()).isEmpty();
        assertThat(parse("SHOPPER_METRICS_TOKEN", "0123456789abcdef0123").metricsToken()).contains("0123456789abcdef0123");

        assertThatThrownBy(() -> parse("SHOPPER_METRICS_TOKEN", "short-secret"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("SHOPPER_METRICS_TOKEN must be at least 16")
                .hasMessageNotContaining("short-secret");
        assertThatThrownBy(() -> parse("SHOPPER_METRICS_TOKEN", "has a space in the middle"))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void aMalformedPortIsOneLineNamingTheVariable() {
        assertThatThrownBy(() -> parse("SHOPPER_PORT", "abc"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("SHOPPER_PORT must be a port number from 0 to 65535, got 'abc'");
        assertThatThrownBy(() -> parse("SHOPPER_PORT", "70000")).hasMessageStartingWith("SHOPPER_PORT");
    }

    @Test
    void portZeroPicksAFreePortAndTheDefaultRedirectNamesIt() {
        Configuration config = parse("SHOPPER_PORT", "0");

        assertThat(config.port()).isPositive();
        assertThat(config.redirectUri().getPort()).isEqualTo(config.port());
    }

    @Test
    void anHttpsRedirectUriMakesCookiesSecureAndDefinesTheOrigin() {
        Configuration config = parse("KROGER_REDIRECT_URI", "https://shop.example/auth/callback",
                "KROGER_CLIENT_ID", "app-123", "KROGER_CLIENT_SECRET", "s3cret");

        assertThat(config.demoMode()).isFalse();
        assertThat(config.secureCookies()).isTrue();
        assertThat(config.publicOrigin()).isEqualTo(URI.create("https://shop.example"));
    }

    @Test
    void clientIdAndSecretComeTogether() {
        assertThatThrownBy(() -> parse("KROGER_CLIENT_ID", "app-123")).hasMessageStartingWith("KROGER_CLIENT_SECRET is required");
        assertThatThrownBy(() -> parse("KROGER_CLIENT_SECRET", "s3cret")).hasMessageStartingWith("KROGER_CLIENT_ID is required");
    }

    @Test
    void anExternalDatabaseNeedsATokenKey() {
        assertThatThrownBy(() -> parse("SHOPPER_DB_URL", "jdbc:postgresql://db/shop"))
                .hasMessageStartingWith("SHOPPER_TOKEN_KEY is required with SHOPPER_DB_URL");

        Configuration config = parse("SHOPPER_DB_URL", "jdbc:postgresql://db/shop", "SHOPPER_TOKEN_KEY", KEY,
                "SHOPPER_DB_USER", "shop", "SHOPPER_DB_PASSWORD", "pw");
        assertThat(config.database()).isPresent();
        assertThat(config.database().get().user()).contains("shop");
    }

    @Test
    void signInLimitsDefaultTo20PerClientAnd600OverallAMinuteAndMustBeConsistent() {
        assertThat(parse().signInLimits())
                .isEqualTo(new Configuration.SignInLimits(20, 600));
        assertThat(parse("SHOPPER_SIGN_INS_PER_CLIENT_PER_MINUTE", "5", "SHOPPER_SIGN_INS_PER_MINUTE", "50").signInLimits())
                .isEqualTo(new Configuration.SignInLimits(5, 50));
        assertThatThrownBy(() -> parse("SHOPPER_SIGN_INS_PER_CLIENT_PER_MINUTE", "0"))
                .hasMessageStartingWith("SHOPPER_SIGN_INS_PER_CLIENT_PER_MINUTE");
        assertThatThrownBy(() -> parse("SHOPPER_SIGN_INS_PER_CLIENT_PER_MINUTE", "30", "SHOPPER_SIGN_INS_PER_MINUTE", "10"))
                .hasMessageStartingWith("SHOPPER_SIGN_INS_PER_MINUTE must be at least");
    }

    @Test
    void malformedValuesAreRefusedWithoutEchoingSecrets() {
        assertThatThrownBy(() -> parse("SHOPPER_DB_URL", "postgres://db")).hasMessageStartingWith("SHOPPER_DB_URL must be");
        assertThatThrownBy(() -> parse("SHOPPER_TOKEN_KEY", "c2hvcnQ=")).hasMessage("SHOPPER_TOKEN_KEY must decode to 32 bytes (256 bits), got 5")
                .message().doesNotContain("c2hvcnQ");
        assertThatThrownBy(() -> parse("SHOPPER_TOKEN_KEY", "not base64!")).message().doesNotContain("not base64");
        assertThatThrownBy(() -> parse("KROGER_PKCE", "yes")).hasMessage("KROGER_PKCE must be true or false, got 'yes'");
        assertThatThrownBy(() -> parse("KROGER_API_BASE_URL", "https://api.kroger.com/v1")).hasMessageStartingWith("KROGER_API_BASE_URL must be scheme and host only");
        assertThatThrownBy(() -> parse("KROGER_REDIRECT_URI", "ftp://x/cb")).hasMessageStartingWith("KROGER_REDIRECT_URI must be an http(s) URL");
        assertThatThrownBy(() -> parse("KROGER_SCOPES", "product.compact <script>")).hasMessageStartingWith("KROGER_SCOPES");
        assertThatThrownBy(() -> parse("SHOPPER_SESSION_IDLE_DAYS", "40", "SHOPPER_SESSION_MAX_DAYS", "30"))
                .hasMessageStartingWith("SHOPPER_SESSION_MAX_DAYS must be at least");
    }

    @Test
    void sessionsAreRememberedThirtySecondsUnlessToldOtherwiseAndZeroTurnsItOff() {
        assertThat(parse().rememberSessions()).isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(parse("SHOPPER_SESSION_MEMORY_SECONDS", "0").rememberSessions()).isZero();
        assertThat(parse("SHOPPER_SESSION_MEMORY_SECONDS", "300").rememberSessions()).isEqualTo(java.time.Duration.ofMinutes(5));
        assertThatThrownBy(() -> parse("SHOPPER_SESSION_MEMORY_SECONDS", "301"))
                .hasMessageStartingWith("SHOPPER_SESSION_MEMORY_SECONDS must be a number of seconds from 0 to 300");
    }

    @Test
    void toStringNeverShowsSecrets() {
        Configuration config = parse("KROGER_CLIENT_ID", "app-123", "KROGER_CLIENT_SECRET", "s3cret-value",
                "SHOPPER_DB_URL", "jdbc:postgresql://db/shop", "SHOPPER_DB_PASSWORD", "db-password", "SHOPPER_TOKEN_KEY", KEY);

        assertThat(config.toString()).doesNotContain("s3cret-value", "db-password", KEY);
        assertThat(config.provider().orElseThrow().toString()).doesNotContain("s3cret-value");
        assertThat(config.database().orElseThrow().toString()).doesNotContain("db-password");
    }

    @Test
    void listPlanningCachesSearchesFiveMinutesRunsFourAtOnceAndUsesNoLanguageModelByDefault() {
        Configuration.Planning planning = parse().planning();

        assertThat(planning.catalogCacheTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(planning.searchConcurrency()).isEqualTo(4);
        assertThat(planning.languageModel()).isEmpty();

        Configuration.Planning tuned = parse("SHOPPER_CATALOG_CACHE_TTL_SECONDS", "0", "SHOPPER_PLAN_SEARCH_CONCURRENCY", "2").planning();
        assertThat(tuned.catalogCacheTtl()).isZero();
        assertThat(tuned.searchConcurrency()).isEqualTo(2);
        assertThatThrownBy(() -> parse("SHOPPER_PLAN_SEARCH_CONCURRENCY", "100"))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("SHOPPER_PLAN_SEARCH_CONCURRENCY must be");
        assertThatThrownBy(() -> parse("SHOPPER_CATALOG_CACHE_TTL_SECONDS", "-1"))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("SHOPPER_CATALOG_CACHE_TTL_SECONDS must be");
    }

    @Test
    void theLanguageModelNeedsBaseUrlAndModelAndKeepsItsKeyOutOfEveryText() {
        Configuration config = parse("SHOPPER_LLM_BASE_URL", "http://localhost:11434/v1", "SHOPPER_LLM_MODEL", "llama3.2",
                "SHOPPER_LLM_API_KEY", "sk-very-secret");

        Configuration.LanguageModel model = config.planning().languageModel().orElseThrow();
        assertThat(model.baseUrl()).isEqualTo(URI.create("http://localhost:11434/v1"));
        assertThat(model.model()).isEqualTo("llama3.2");
        assertThat(model.apiKey()).contains("sk-very-secret");
        assertThat(model.timeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.toString()).doesNotContain("sk-very-secret");
        assertThat(model.toString()).doesNotContain("sk-very-secret");

        assertThatThrownBy(() -> parse("SHOPPER_LLM_BASE_URL", "http://localhost:11434/v1"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("SHOPPER_LLM_MODEL");
        assertThatThrownBy(() -> parse("SHOPPER_LLM_MODEL", "llama3.2"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("SHOPPER_LLM_BASE_URL");
        assertThatThrownBy(() -> parse("SHOPPER_LLM_BASE_URL", "ftp://model", "SHOPPER_LLM_MODEL", "m"))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("SHOPPER_LLM_BASE_URL must be");
    }
}
