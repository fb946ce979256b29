package org.personalshopper.adapters.foodin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Foodin's environment variables as an operator sets them. */
class FoodinSettingsTest {

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private static final String[] CONFIGURED = {"FOODIN_CLIENT_ID", "ca_123", "FOODIN_CLIENT_SECRET", "sk_live_secret",
            "FOODIN_BASE_URL", "https://connect.foodin.example"};

    @Test
    void withoutAClientIdFoodinIsOff() {
        assertThat(FoodinSettings.fromEnvironment(env(), 8080)).isEmpty();
        assertThat(FoodinSettings.fromEnvironment(env("FOODIN_CLIENT_ID", "  "), 8080)).isEmpty();
    }

    @Test
    void aClientIdWithSecretAndBaseUrlTurnsFoodinOnWithTheDefaults() {
        FoodinSettings settings = FoodinSettings.fromEnvironment(env(CONFIGURED), 9090).orElseThrow();

        assertThat(settings.clientId()).isEqualTo("ca_123");
        assertThat(settings.clientSecret()).isEqualTo("sk_live_secret");
        assertThat(settings.baseUrl()).isEqualTo(URI.create("https://connect.foodin.example"));
        assertThat(settings.redirectUri()).isEqualTo(URI.create("http://localhost:9090/auth/callback/foodin"));
        assertThat(settings.scope()).isEqualTo(FoodinScope.READ_WRITE);
        assertThat(settings.toString()).doesNotContain("sk_live_secret");
    }

    @Test
    void theRedirectUriScopeAndATrailingSlashOnTheBaseUrlAreTakenAsGiven() {
        Map<String, String> env = env(CONFIGURED);
        env.put("FOODIN_BASE_URL", "http://127.0.0.1:8082/");
        env.put("FOODIN_REDIRECT_URI", "https://shop.example/auth/callback/foodin");
        env.put("FOODIN_SCOPE", "read_only");

        FoodinSettings settings = FoodinSettings.fromEnvironment(env, 8080).orElseThrow();

        assertThat(settings.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8082"));
        assertThat(settings.redirectUri()).isEqualTo(URI.create("https://shop.example/auth/callback/foodin"));
        assertThat(settings.scope()).isEqualTo(FoodinScope.READ_ONLY);
    }

    @Test
    void aHalfConfiguredFoodinStopsStartUpWithOneLineNamingTheVariable() {
        assertRefused(env("FOODIN_CLIENT_ID", "ca_123", "FOODIN_BASE_URL", "https://f.example"), "FOODIN_CLIENT_SECRET");
        assertRefused(env("FOODIN_CLIENT_ID", "ca_123", "FOODIN_CLIENT_SECRET", "sk"), "FOODIN_BASE_URL");
        assertRefused(env("FOODIN_CLIENT_SECRET", "sk_secret_value"), "FOODIN_CLIENT_ID");
        assertRefused(env("FOODIN_BASE_URL", "https://f.example"), "FOODIN_CLIENT_ID");
    }

    @Test
    void malformedValuesAreRefusedNamingTheVariableAndNeverRepeatingTheSecret() {
        Map<String, String> env = env(CONFIGURED);
        env.put("FOODIN_SCOPE", "admin");
        assertRefused(env, "FOODIN_SCOPE");

        env = env(CONFIGURED);
        env.put("FOODIN_BASE_URL", "https://connect.foodin.example/api");
        assertRefused(env, "FOODIN_BASE_URL");

        env = env(CONFIGURED);
        env.put("FOODIN_BASE_URL", "ftp://connect.foodin.example");
        assertRefused(env, "FOODIN_BASE_URL");

        env = env(CONFIGURED);
        env.put("FOODIN_REDIRECT_URI", "https://shop.example");
        assertRefused(env, "FOODIN_REDIRECT_URI");

        Map<String, String> spaced = env(CONFIGURED);
        spaced.put("FOODIN_CLIENT_SECRET", "sk with spaces");
        assertThatThrownBy(() -> FoodinSettings.fromEnvironment(spaced, 8080))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("FOODIN_CLIENT_SECRET")
                .message().doesNotContain("sk with spaces");
    }

    @Test
    void demoModeReadsTheSameRedirectAndScopeVariables() {
        assertThat(FoodinSettings.redirectUri(env(), 8123)).isEqualTo(URI.create("http://localhost:8123/auth/callback/foodin"));
        assertThat(FoodinSettings.scope(env("FOODIN_SCOPE", "read_only"))).isEqualTo(FoodinScope.READ_ONLY);
    }

    private static void assertRefused(Map<String, String> env, String variable) {
        assertThatThrownBy(() -> FoodinSettings.fromEnvironment(env, 8080))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(variable);
    }
}
