package org.personalshopper.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The settings the bootstrap derives from KROGER_REDIRECT_URI. */
class WebSettingsTest {
    @Test
    void anHttpsRedirectUriGivesItsOriginAndSecureCookies() {
        WebSettings settings = WebSettings.fromRedirectUri(URI.create("https://shop.example/auth/callback"), Duration.ofDays(90));

        assertThat(settings.publicOrigin()).isEqualTo(URI.create("https://shop.example"));
        assertThat(settings.secureCookies()).isTrue();
        assertThat(settings.maxBodyBytes()).isEqualTo(64 * 1024);
        assertThat(settings.sessionCookieMaxAge()).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void aLocalHttpRedirectUriKeepsItsPortAndPlainCookies() {
        WebSettings settings = WebSettings.fromRedirectUri(URI.create("http://localhost:8080/auth/callback"), Duration.ofDays(1));

        assertThat(settings.publicOrigin()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(settings.secureCookies()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://shop.example/path", "ftp://shop.example", "shop.example", "https://user@shop.example",
            "https://shop.example?x=1", "/relative"})
    void anOriginIsOnlySchemeHostAndPort(String origin) {
        assertThatThrownBy(() -> new WebSettings(URI.create(origin), true, Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void limitsMustBePositive() {
        URI origin = URI.create("https://shop.example");
        assertThatThrownBy(() -> new WebSettings(origin, true, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebSettings(origin, true, Duration.ofDays(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
