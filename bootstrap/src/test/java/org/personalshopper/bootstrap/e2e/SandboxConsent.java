package org.personalshopper.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A shopper at the Kroger sandbox's consent page: reads it, then approves as {@code username}. */
final class SandboxConsent {
    private SandboxConsent() {
    }

    /** Signs in through the sandbox; returns the service's redirect after the callback (302 to returnTo). */
    static HttpResponse<String> signIn(Browser browser, String username) {
        HttpResponse<String> login = browser.get("/auth/login");
        assertThat(login.statusCode()).isEqualTo(302);
        return approve(browser, URI.create(login.headers().firstValue("Location").orElseThrow()), username);
    }

    /** At the sandbox's authorize URL the service sent the browser to: approves as {@code username}, follows back. */
    static HttpResponse<String> approve(Browser browser, URI authorize, String username) {

        HttpResponse<String> page = browser.get(authorize.toString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("sandbox");

        Map<String, String> form = new LinkedHashMap<>(Browser.queryParams(authorize));
        form.putIfAbsent("banner", "kroger");
        form.put("username", username);
        form.put("decision", "approve");
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI consent = authorize.resolve("/sandbox/consent");
        HttpResponse<String> approved = browser.send(browser.request(consent.toString())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(approved.statusCode()).isBetween(301, 303);

        HttpResponse<String> callback = browser.get(approved.headers().firstValue("Location").orElseThrow());
        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(browser.cookie("shopper_session")).isPresent();
        return callback;
    }
}
