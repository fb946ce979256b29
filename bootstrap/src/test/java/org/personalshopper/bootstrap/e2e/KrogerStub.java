package org.personalshopper.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Kroger as WireMock: the stubs a signed-in shopper's journey needs, with secrets tests can look for. */
final class KrogerStub {
    static final String CLIENT_ID = "e2e-app-1234";
    static final String CLIENT_SECRET = "e2e-client-secret-value";
    static final String ACCESS_TOKEN = "e2e-access-token-ZX81";
    static final String REFRESH_TOKEN = "e2e-refresh-token-QL42";
    static final String APP_TOKEN = "e2e-app-token-PP17";
    static final String PROFILE_ID = "7c1e9a42-3b5d-4f80-9e26-d4a1b8c05f3e";

    private KrogerStub() {
    }

    static Map<String, String> environment(WireMockExtension kroger) {
        return Map.of("KROGER_CLIENT_ID", CLIENT_ID, "KROGER_CLIENT_SECRET", CLIENT_SECRET,
                "KROGER_API_BASE_URL", kroger.baseUrl());
    }

    /**
     * The stub's variables, {@code jdbcUrl} as the external database and a token key of its own (an external
     * database needs one): a mutable map, for a test to add to.
     */
    static Map<String, String> environment(WireMockExtension kroger, String jdbcUrl) {
        Map<String, String> env = new HashMap<>(environment(kroger));
        env.put("SHOPPER_DB_URL", jdbcUrl);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        env.put("SHOPPER_TOKEN_KEY", Base64.getEncoder().encodeToString(key));
        return env;
    }

    static void signInWorks(WireMockExtension kroger) {
        kroger.stubFor(post(urlPathEqualTo("/v1/connect/oauth2/token"))
                .withRequestBody(containing("grant_type=authorization_code"))
                .willReturn(json(200, tokens(ACCESS_TOKEN, REFRESH_TOKEN, 1800))));
        kroger.stubFor(get(urlPathEqualTo("/v1/identity/profile"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .willReturn(json(200, fixture("identity-profile.json"))));
    }

    static void catalogWorks(WireMockExtension kroger) {
        kroger.stubFor(post(urlPathEqualTo("/v1/connect/oauth2/token"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .willReturn(json(200, "{\"access_token\":\"" + APP_TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":1800}")));
        kroger.stubFor(get(urlPathEqualTo("/v1/products")).willReturn(json(200, fixture("products-search.json"))));
        kroger.stubFor(get(urlPathEqualTo("/v1/locations")).willReturn(json(200, fixture("locations-search.json"))));
        kroger.stubFor(get(urlPathMatching("/v1/locations/01400999"))
                .willReturn(json(200, "{\"data\":" + firstLocation() + ",\"meta\":{}}")));
        kroger.stubFor(get(urlPathMatching("/v1/locations/99999999"))
                .willReturn(aResponse().withStatus(404)));
        kroger.stubFor(put(urlPathEqualTo("/v1/cart/add")).willReturn(aResponse().withStatus(204)));
    }

    static String tokens(String access, String refresh, int expiresIn) {
        return "{\"access_token\":\"" + access + "\",\"token_type\":\"bearer\",\"expires_in\":" + expiresIn
                + ",\"refresh_token\":\"" + refresh + "\"}";
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static String fixture(String name) {
        try (InputStream in = KrogerStub.class.getResourceAsStream("/kroger-fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first store of the locations fixture, as Kroger's single-location answer carries it. */
    private static String firstLocation() {
        String all = fixture("locations-search.json");
        int start = all.indexOf('{', all.indexOf('['));
        int depth = 0;
        for (int i = start; i < all.length(); i++) {
            char c = all.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return all.substring(start, i + 1);
            }
        }
        throw new IllegalStateException("locations fixture has no store");
    }
}
