package org.personalshopper.sandbox.foodin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxSettingsTest {

    @Test
    void theDefaultsAreTheDemoApplicationWithFoodinsFiveMinuteCodes() {
        FoodinSandboxSettings settings = FoodinSandboxSettings.defaults();

        assertThat(settings.testClientId()).isEqualTo(FoodinSandboxSettings.DEMO_TEST_CLIENT_ID);
        assertThat(settings.defaultRedirectUri()).isEqualTo(FoodinSandboxSettings.DEMO_REDIRECT_URI);
        assertThat(settings.authorizationCodeLifetime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.port()).isZero();
    }

    @Test
    void toStringNeverShowsASecretKey() {
        assertThat(FoodinSandboxSettings.defaults().toString())
                .doesNotContain(FoodinSandboxSettings.DEMO_TEST_SECRET_KEY, FoodinSandboxSettings.DEMO_LIVE_SECRET_KEY);
    }

    @Test
    void nonsenseIsRefusedAtConstruction() {
        FoodinSandboxSettings settings = FoodinSandboxSettings.defaults();

        assertThatThrownBy(() -> settings.withRedirectUris(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings.withRedirectUris(List.of("ftp://x/cb"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings.withLiveClient(settings.testClientId(), "sk_other"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings.withTestClient("ca_x", settings.liveSecretKey()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings.withAccessTokenLifetime(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings.withPort(70_000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoSandboxesShareNothingAndTheHomePageNamesTheApplication() {
        try (FoodinSandbox one = FoodinSandbox.start(FoodinSandboxSettings.defaults());
             FoodinSandbox two = FoodinSandbox.start(FoodinSandboxSettings.defaults())) {
            SandboxClient client = new SandboxClient(one);
            SandboxClient.Tokens tokens = client.connect("ada@example.com", "read_write");

            assertThat(one.isAccessTokenActive(tokens.accessToken())).isTrue();
            assertThat(two.isAccessTokenActive(tokens.accessToken())).isFalse();
            HttpResponse<String> home = client.get("/");
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("Foodin sandbox - not the real Foodin", one.baseUri() + "/oauth/token",
                    FoodinSandboxSettings.DEMO_TEST_CLIENT_ID);
        }
    }

    @Test
    void runningOnItsOwnTakesArgumentsOverEnvironmentAndRefusesUnknownOnes() {
        FoodinSandboxSettings settings = FoodinSandboxMain.settingsFrom(
                new String[] {"--port=9099", "--token-lifetime=0"},
                java.util.Map.of("FOODIN_SANDBOX_PORT", "9098", "FOODIN_SANDBOX_REDIRECT_URI", "http://a.example/cb, https://b.example/cb"));

        assertThat(settings.port()).isEqualTo(9099);
        assertThat(settings.redirectUris()).containsExactly("http://a.example/cb", "https://b.example/cb");
        assertThat(settings.accessTokenLifetime()).isEmpty();
        assertThatThrownBy(() -> FoodinSandboxMain.settingsFrom(new String[] {"--secret=x"}, java.util.Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
