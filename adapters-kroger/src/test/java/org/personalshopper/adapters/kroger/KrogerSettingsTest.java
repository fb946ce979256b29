package org.personalshopper.adapters.kroger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.personalshopper.adapters.kroger.KrogerTestSupport.CLIENT_ID;
import static org.personalshopper.adapters.kroger.KrogerTestSupport.CLIENT_SECRET;
import static org.personalshopper.adapters.kroger.KrogerTestSupport.REDIRECT_URI;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class KrogerSettingsTest {
    private static KrogerSettings withBase(String base) {
        return KrogerSettings.of(URI.create(base), CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, KrogerSettings.DEFAULT_SCOPES, true);
    }

    @Test
    void defaultsAreTwoSecondsToConnectAndTenForAnAnswer() {
        KrogerSettings settings = withBase("https://api.kroger.com");

        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.scopeString()).isEqualTo("profile.compact cart.basic:write product.compact");
    }

    @Test
    void theBaseUrlIsSchemeHostAndPortOnly() {
        assertThat(withBase("https://api.kroger.com/").apiBaseUrl()).isEqualTo(URI.create("https://api.kroger.com"));
        assertThat(withBase("http://localhost:8089").apiBaseUrl()).isEqualTo(URI.create("http://localhost:8089"));
        for (String bad : List.of("https://api.kroger.com/v1", "https://api.kroger.com?x=1", "ftp://api.kroger.com",
                "api.kroger.com", "https://user:pw@api.kroger.com")) {
            assertThatThrownBy(() -> withBase(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("apiBaseUrl");
        }
    }

    @Test
    void credentialsScopesRedirectAndTimeoutsAreChecked() {
        URI base = KrogerSettings.PRODUCTION_BASE_URL;
        List<String> scopes = KrogerSettings.DEFAULT_SCOPES;
        assertThatThrownBy(() -> KrogerSettings.of(base, " ", CLIENT_SECRET, REDIRECT_URI, scopes, true))
                .hasMessageContaining("clientId");
        assertThatThrownBy(() -> KrogerSettings.of(base, "app:x", CLIENT_SECRET, REDIRECT_URI, scopes, true))
                .hasMessageContaining("clientId");
        assertThatThrownBy(() -> KrogerSettings.of(base, CLIENT_ID, "", REDIRECT_URI, scopes, true))
                .hasMessageContaining("clientSecret");
        assertThatThrownBy(() -> KrogerSettings.of(base, CLIENT_ID, CLIENT_SECRET, URI.create("/auth/callback"), scopes, true))
                .hasMessageContaining("redirectUri");
        assertThatThrownBy(() -> KrogerSettings.of(base, CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, List.of(), true))
                .hasMessageContaining("scopes");
        assertThatThrownBy(() -> KrogerSettings.of(base, CLIENT_ID, CLIENT_SECRET, REDIRECT_URI,
                List.of("product.compact cart.basic:write"), true)).hasMessageContaining("scopes");
        assertThatThrownBy(() -> withBase("https://api.kroger.com").withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> withBase("https://api.kroger.com").withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(-1)))
                .hasMessageContaining("requestTimeout");
    }

    @Test
    void neitherToStringNorAValidationMessageShowsTheSecret() {
        KrogerSettings settings = withBase("https://api.kroger.com");

        assertThat(settings.toString()).doesNotContain(CLIENT_SECRET).contains(CLIENT_ID).contains("[redacted]");
        assertThatThrownBy(() -> KrogerSettings.of(URI.create("https://api.kroger.com"), CLIENT_ID, "bad secret",
                REDIRECT_URI, KrogerSettings.DEFAULT_SCOPES, true)).hasMessageNotContaining("bad secret");
    }
}
