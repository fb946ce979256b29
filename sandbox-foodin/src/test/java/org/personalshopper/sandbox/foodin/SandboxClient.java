package org.personalshopper.sandbox.foodin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** Drives a running Foodin sandbox over HTTP the way a browser and an application would. HTTP/1.1, no redirects followed. */
final class SandboxClient {

    private final FoodinSandbox sandbox;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final ObjectMapper mapper = new ObjectMapper();

    SandboxClient(FoodinSandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** The tokens of one code exchange. */
    record Tokens(String accessToken, String refreshToken, String userId) {
    }

    String testSecret() {
        return sandbox.settings().testSecretKey();
    }

    String liveSecret() {
        return sandbox.settings().liveSecretKey();
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(sandbox.baseUri() + pathAndQuery)).GET().build());
    }

    HttpResponse<String> postForm(String path, Map<String, String> form, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUri() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form, false)));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** A valid test-mode authorize request for the default redirect URI. */
    Map<String, String> authorizeParams(String scope, String state) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", sandbox.settings().testClientId());
        params.put("response_type", "code");
        params.put("scope", scope);
        params.put("state", state);
        return params;
    }

    HttpResponse<String> authorize(Map<String, String> params) {
        return get("/oauth/authorize?" + encode(params, true));
    }

    /** Posts the consent form as the page would: the authorize parameters plus the e-mail and the decision. */
    HttpResponse<String> decide(Map<String, String> authorizeParams, String email, String decision) {
        Map<String, String> form = new LinkedHashMap<>(authorizeParams);
        form.put("email", email);
        form.put("decision", decision);
        return postForm("/sandbox/consent", form, Map.of());
    }

    /** Connects as the e-mail address, and returns the code from the redirect. */
    String approvedCode(String email, Map<String, String> authorizeParams) {
        assertThat(authorize(authorizeParams).statusCode()).isEqualTo(200);
        HttpResponse<String> redirect = decide(authorizeParams, email, "approve");
        assertThat(redirect.statusCode()).isEqualTo(303);
        return queryOf(location(redirect)).get("code");
    }

    HttpResponse<String> exchange(String code, String secret) {
        return postForm("/oauth/token", Map.of("grant_type", "authorization_code", "code", code, "client_secret", secret),
                Map.of());
    }

    HttpResponse<String> refresh(String refreshToken, String secret, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        form.put("client_secret", secret);
        if (scope != null) {
            form.put("scope", scope);
        }
        return postForm("/oauth/token", form, Map.of());
    }

    /** The whole test-mode flow for a user, returning their tokens. */
    Tokens connect(String email, String scope) {
        HttpResponse<String> answer = exchange(approvedCode(email, authorizeParams(scope, "state-" + email)), testSecret());
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode json = json(answer);
        return new Tokens(json.get("access_token").asText(), json.get("refresh_token").asText(),
                json.get("foodin_user_id").asText());
    }

    JsonNode json(HttpResponse<String> response) {
        try {
            return mapper.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static URI location(HttpResponse<String> response) {
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    static Map<String, String> queryOf(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() == null) {
            return params;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String encode(Map<String, String> params, boolean spaceAsPercent20) {
        return params.entrySet().stream()
                .map(e -> encode(e.getKey(), spaceAsPercent20) + "=" + encode(e.getValue(), spaceAsPercent20))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value, boolean spaceAsPercent20) {
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
        return spaceAsPercent20 ? encoded.replace("+", "%20") : encoded;
    }
}
