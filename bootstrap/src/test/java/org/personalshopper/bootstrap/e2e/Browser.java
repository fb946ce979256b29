package org.personalshopper.bootstrap.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A shopper's browser as far as the service can tell: follows nothing by itself (so each redirect can be
 * checked), keeps the cookies it is given, and records every response body it saw.
 */
final class Browser {
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final List<String> bodiesSeen = new ArrayList<>();
    private final List<String> setCookieHeadersSeen = new ArrayList<>();

    Browser(URI base) {
        this.base = base;
    }

    HttpResponse<String> get(String pathOrUrl) {
        return send(request(pathOrUrl).GET());
    }

    HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    /**
     * Signs in as a browser does when the grocer approves at once (WireMock playing Kroger): /auth/login,
     * then straight back to /auth/callback with {@code code} and the state from the login redirect.
     * Returns the callback's answer.
     */
    HttpResponse<String> signInWithCode(String code) {
        HttpResponse<String> login = get("/auth/login");
        if (login.statusCode() != 302) {
            throw new AssertionError("login answered " + login.statusCode() + ": " + login.body());
        }
        URI authorize = URI.create(login.headers().firstValue("Location").orElseThrow());
        return get("/auth/callback?code=" + code + "&state=" + queryParam(authorize, "state"));
    }

    HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            bodiesSeen.add(response.body());
            for (String header : response.headers().allValues("Set-Cookie")) {
                setCookieHeadersSeen.add(header);
                keepCookie(header);
            }
            response.headers().allValues("Location").forEach(bodiesSeen::add);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String pathOrUrl) {
        URI uri = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : base.resolve(pathOrUrl);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        // Cookies go only to our own service, as a browser would scope them by host and port.
        if (sameOrigin(uri) && !cookies.isEmpty()) {
            builder.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        return builder;
    }

    private boolean sameOrigin(URI uri) {
        return uri.getPort() == base.getPort();
    }

    private void keepCookie(String header) {
        String[] parts = header.split(";");
        String[] nameValue = parts[0].split("=", 2);
        String name = nameValue[0].trim();
        String value = nameValue.length > 1 ? nameValue[1].trim() : "";
        boolean expired = value.isEmpty();
        for (String attribute : parts) {
            String a = attribute.trim().toLowerCase(Locale.ROOT);
            if (a.equals("max-age=0") || a.startsWith("expires=thu, 01 jan 1970")) {
                expired = true;
            }
        }
        if (expired) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    void forgetCookies() {
        cookies.clear();
    }

    /** Every Set-Cookie header this browser received, for checking attributes. */
    List<String> setCookieHeaders() {
        return List.copyOf(setCookieHeadersSeen);
    }

    /** Every body and Location header this browser received. */
    List<String> everythingSeen() {
        return List.copyOf(bodiesSeen);
    }

    static String queryParam(URI uri, String name) {
        return queryParams(uri).get(name);
    }

    static Map<String, String> queryParams(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        String query = uri.getRawQuery();
        if (query == null) {
            return params;
        }
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return params;
    }
}
