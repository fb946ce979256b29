package org.personalshopper.adapters.kroger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.domain.AccessToken;

/** Shared values for the adapter tests: one fake Kroger app, its secrets, fixtures and short timeouts. */
final class KrogerTestSupport {
    static final String CLIENT_ID = "personal-shopper-4f1d2c3b5a69788a";
    static final String CLIENT_SECRET = "Zq8-client-SECRET-vU7x";
    static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    static final URI REDIRECT_URI = URI.create("https://shop.example/auth/callback");
    static final String REDIRECT_URI_ENCODED = "https%3A%2F%2Fshop.example%2Fauth%2Fcallback";
    static final AccessToken APP_TOKEN = new AccessToken("app-access-TOKEN-5b7c");
    static final AccessToken SHOPPER_TOKEN = new AccessToken("shopper-access-TOKEN-9d2e");
    /** The instant "now" is for turning a Retry-After date into a wait. */
    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private KrogerTestSupport() {
    }

    /**
     * Timeouts generous enough for a loaded build machine; the timeout tests use {@link #impatient(int)}
     * against stubs that delay far longer.
     */
    static KrogerSettings settings(int port, boolean pkce) {
        return new KrogerSettings(URI.create("http://localhost:" + port), CLIENT_ID, CLIENT_SECRET, REDIRECT_URI,
                KrogerSettings.DEFAULT_SCOPES, pkce, Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    static KrogerAdapters adapters(int port) {
        return KrogerAdapters.create(settings(port, true), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Adapters that wait only 300 ms for an answer: for the timeout tests (stubs delay 3 s). */
    static KrogerAdapters impatient(int port) {
        return KrogerAdapters.create(settings(port, true).withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** A delay no answer within the impatient timeout can survive. */
    static final int SLOW_MILLIS = 3_000;

    static String fixture(String name) {
        try (InputStream in = KrogerTestSupport.class.getResourceAsStream("/kroger-fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A reason shown to shoppers and logs must never carry a secret of the call. */
    static void assertSafeReason(ProviderException failure, String... moreSecrets) {
        String everything = failure.reason() + " " + failure.getMessage();
        assertThat(everything).doesNotContain(CLIENT_SECRET, BASIC.substring(6), APP_TOKEN.value(),
                SHOPPER_TOKEN.value());
        for (String secret : moreSecrets) {
            assertThat(everything).doesNotContain(secret);
        }
    }
}
