package org.personalshopper.adapters.foodin;

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
import java.util.Map;
import java.util.stream.Collectors;
import org.personalshopper.sandbox.foodin.FoodinSandbox;

/** A user approving on the Foodin sandbox's consent page, as a browser would, without a browser. */
final class SandboxConsent {
    private static final HttpClient BROWSER = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private SandboxConsent() {
    }

    /** Opens the consent page of the authorize URL, connects as the e-mail address, and returns the callback URL. */
    static URI approve(FoodinSandbox sandbox, URI authorizationUrl, String email) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(authorizationUrl).GET().build());
        assertThat(page.statusCode()).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>(FoodinOAuthTest.query(authorizationUrl));
        form.put("email", email);
        form.put("decision", "approve");
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> redirect = send(HttpRequest.newBuilder(URI.create(sandbox.baseUri() + "/sandbox/consent"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(redirect.statusCode()).isEqualTo(303);
        return URI.create(redirect.headers().firstValue("Location").orElseThrow());
    }

    /** The code of the callback URL. */
    static String code(URI callback) {
        return FoodinOAuthTest.query(callback).get("code");
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
}
