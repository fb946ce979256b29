package org.personalshopper.sandbox.kroger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings a demo or test gives the sandbox, and how the stand-alone main reads them. */
class SandboxSettingsTest {

    @Test
    void defaultsAreKrogersLifetimesAndTheDemoApp() {
        SandboxSettings settings = SandboxSettings.defaults();

        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isZero();
        assertThat(settings.clientId()).isEqualTo(SandboxSettings.DEMO_CLIENT_ID);
        assertThat(settings.redirectUris()).containsExactly("http://localhost:8080/auth/callback");
        assertThat(settings.accessTokenLifetime()).isEqualTo(Duration.ofSeconds(1800));
        assertThat(settings.authorizationCodeLifetime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.dailyQuotas()).isEqualTo(SandboxQuotas.kroger());
    }

    @Test
    void theClientSecretNeverShowsInToString() {
        SandboxSettings settings = SandboxSettings.defaults().withClient("app-1", "very-secret-value");

        assertThat(settings.toString()).contains("app-1").doesNotContain("very-secret-value");
    }

    @Test
    void nonsenseSettingsAreRefusedAtConstruction() {
        SandboxSettings defaults = SandboxSettings.defaults();

        assertThatThrownBy(() -> defaults.withPort(70_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withClient("a:b", "s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withClient("a", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withRedirectUris(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withRedirectUris(List.of("/auth/callback")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withAccessTokenLifetime(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SandboxQuotas(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mainTakesArgumentsOverEnvironment() {
        SandboxSettings settings = KrogerSandboxMain.settingsFrom(
                new String[] {"--port=9099", "--redirect-uri=https://shop.example/cb, http://localhost:8080/auth/callback"},
                Map.of("KROGER_SANDBOX_PORT", "9000", "KROGER_SANDBOX_CLIENT_ID", "demo-app",
                        "KROGER_SANDBOX_CLIENT_SECRET", "demo-secret", "KROGER_SANDBOX_TOKEN_LIFETIME", "5"));

        assertThat(settings.port()).isEqualTo(9099);
        assertThat(settings.clientId()).isEqualTo("demo-app");
        assertThat(settings.clientSecret()).isEqualTo("demo-secret");
        assertThat(settings.redirectUris()).containsExactly("https://shop.example/cb", "http://localhost:8080/auth/callback");
        assertThat(settings.accessTokenLifetime()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void mainDefaultsToPort8081AndRefusesUnknownArguments() {
        assertThat(KrogerSandboxMain.settingsFrom(new String[0], Map.of()).port()).isEqualTo(8081);
        assertThatThrownBy(() -> KrogerSandboxMain.settingsFrom(new String[] {"--colour=blue"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--colour");
        assertThatThrownBy(() -> KrogerSandboxMain.settingsFrom(new String[] {"--port=eighty"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStartedSandboxListensOnTheReportedPortAndShowsItsHomePage() {
        try (KrogerSandbox sandbox = KrogerSandbox.start(SandboxSettings.defaults())) {
            assertThat(sandbox.baseUri().toString()).matches("http://127\\.0\\.0\\.1:\\d+").doesNotEndWith("/");
            HttpResponse<String> home = new SandboxClient(sandbox).get("/");

            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("Kroger sandbox - not the real Kroger")
                    .contains(sandbox.baseUri() + "/v1")
                    .doesNotContain(SandboxSettings.DEMO_CLIENT_SECRET);
        }
    }

    @Test
    void twoSandboxesShareNothing() {
        try (KrogerSandbox one = KrogerSandbox.start(SandboxSettings.defaults());
                KrogerSandbox two = KrogerSandbox.start(SandboxSettings.defaults())) {
            String tokenFromOne = new SandboxClient(one).appToken();

            assertThat(one.baseUri()).isNotEqualTo(two.baseUri());
            assertThat(new SandboxClient(two).get("/v1/locations/01400943", tokenFromOne).statusCode()).isEqualTo(401);
        }
    }
}
