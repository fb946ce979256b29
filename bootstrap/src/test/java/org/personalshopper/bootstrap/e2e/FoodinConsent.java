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

/** A shopper at the Foodin sandbox's consent page: reads it, then connects as {@code email}. */
final class FoodinConsent {
    private FoodinConsent() {
    }

    /**
     * From the Foodin authorize URL the service sent the browser to: approves as {@code email} and returns the
     * service's callback URL the sandbox redirects to (not yet followed, so a test can replay it).
     */
    static String approve(Browser browser, URI authorize, String email) {
        HttpResponse<String> page = browser.get(authorize.toString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Foodin sandbox");

        Map<String, String> form = new LinkedHashMap<>(Browser.queryParams(authorize));
        form.put("email", email);
        form.put("decision", "approve");
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> approved = browser.send(browser.request(authorize.resolve("/sandbox/consent").toString())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(approved.statusCode()).isBetween(301, 303);
        return approved.headers().firstValue("Location").orElseThrow();
    }

    /** Signs in with Foodin through the sandbox; returns the service's answer to the callback (302 to returnTo). */
    static HttpResponse<String> signIn(Browser browser, String email) {
        HttpResponse<String> login = browser.get("/auth/login?provider=foodin");
        assertThat(login.statusCode()).isEqualTo(302);
        return browser.get(approve(browser, URI.create(login.headers().firstValue("Location").orElseThrow()), email));
    }
}
