package org.personalshopper.bootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.personalshopper.adapters.kroger.KrogerAdapters;
import org.personalshopper.adapters.kroger.KrogerSettings;
import org.personalshopper.application.contract.IdentityProviderContract;
import org.personalshopper.application.port.out.AuthorizationRequest;
import org.personalshopper.application.port.out.IdentityProvider;
import org.personalshopper.sandbox.kroger.KrogerSandbox;
import org.personalshopper.sandbox.kroger.SandboxSettings;

/**
 * The Kroger client against the Kroger sandbox passes the {@code IdentityProvider} contract: what demo mode
 * runs is held to the same behaviour as the fake the use-case tests rely on and as Kroger over WireMock.
 */
class KrogerSandboxIdentityProviderTest implements IdentityProviderContract {
    private static final HttpClient BROWSER = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static KrogerSandbox sandbox;
    private static IdentityProvider identity;

    @BeforeAll
    static void start() {
        sandbox = KrogerSandbox.start(SandboxSettings.defaults());
        // Without PKCE: the contract's sign-in URL carries no challenge (the sandbox's PKCE has its own tests).
        identity = KrogerAdapters.create(KrogerSettings.of(sandbox.baseUri(), SandboxSettings.DEMO_CLIENT_ID,
                SandboxSettings.DEMO_CLIENT_SECRET, URI.create(SandboxSettings.DEMO_REDIRECT_URI),
                KrogerSettings.DEFAULT_SCOPES, false)).identityProvider();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Override
    public IdentityProvider identity() {
        return identity;
    }

    /** A shopper approving at the sandbox's consent page, as a browser posts it; the code from the redirect. */
    @Override
    public Consent consentedCode() {
        URI authorize = identity.authorizationUrl(new AuthorizationRequest("s-" + UUID.randomUUID(), Optional.empty(),
                Optional.empty()));
        Map<String, String> form = new LinkedHashMap<>(queryOf(authorize));
        form.put("username", "contract-" + UUID.randomUUID().toString().substring(0, 8));
        form.put("decision", "approve");
        HttpResponse<String> approved = send(HttpRequest.newBuilder(authorize.resolve("/sandbox/consent"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build());
        assertThat(approved.statusCode()).as(approved.body()).isBetween(301, 303);
        URI callback = URI.create(approved.headers().firstValue("Location").orElseThrow());
        return new Consent(queryOf(callback).get("code"), Optional.empty());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return BROWSER.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> queryOf(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : List.of(uri.getRawQuery().split("&"))) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
