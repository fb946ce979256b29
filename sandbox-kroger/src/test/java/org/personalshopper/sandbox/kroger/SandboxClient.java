package org.personalshopper.sandbox.kroger;

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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Drives a running sandbox over HTTP the way a browser and a Kroger client would. HTTP/1.1, no redirects followed. */
final class SandboxClient {

    static final String ALL_SCOPES = "profile.compact cart.basic:write product.compact";

    private final KrogerSandbox sandbox;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final ObjectMapper mapper = new ObjectMapper();

    SandboxClient(KrogerSandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** Access and refresh token from one token answer. */
    record Tokens(String accessToken, String refreshToken) {
    }

    URI uri(String pathAndQuery) {
        return URI.create(sandbox.baseUri() + pathAndQuery);
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
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
    }

    HttpResponse<String> get(String pathAndQuery, String accessToken) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json").GET().build());
    }

    HttpResponse<String> putJson(String path, String accessToken, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> postForm(String path, Map<String, String> form) {
        return postForm(path, form, basic(sandbox.settings().clientId(), sandbox.settings().clientSecret()));
    }

    HttpResponse<String> postForm(String path, Map<String, String> form, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formEncode(form)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    static String basic(String clientId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** The query parameters of a valid authorize request for the sandbox's app. */
    Map<String, String> authorizeParams(String scopes, String state) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("scope", scopes);
        params.put("client_id", sandbox.settings().clientId());
        params.put("redirect_uri", sandbox.settings().redirectUris().get(0));
        params.put("response_type", "code");
        params.put("state", state);
        return params;
    }

    HttpResponse<String> authorize(Map<String, String> params) {
        return get("/v1/connect/oauth2/authorize?" + queryEncode(params));
    }

    /** Posts the consent form as the page would: the authorize parameters plus username and decision. */
    HttpResponse<String> decide(Map<String, String> authorizeParams, String username, String decision) {
        Map<String, String> form = new LinkedHashMap<>(authorizeParams);
        form.put("username", username);
        form.put("decision", decision);
        return postForm("/sandbox/consent", form, null);
    }

    /** Signs in as the username, approves, and returns the code from the redirect. */
    String approvedCode(String username, Map<String, String> authorizeParams) {
        assertThat(authorize(authorizeParams).statusCode()).isEqualTo(200);
        HttpResponse<String> redirect = decide(authorizeParams, username, "approve");
        assertThat(redirect.statusCode()).isEqualTo(303);
        return queryOf(location(redirect)).get("code");
    }

    HttpResponse<String> exchange(String code, String redirectUri, String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        if (codeVerifier != null) {
            form.put("code_verifier", codeVerifier);
        }
        return postForm("/v1/connect/oauth2/token", form);
    }

    /** The whole authorization-code flow for a shopper, returning their tokens. */
    Tokens shopperTokens(String username, String scopes) {
        Map<String, String> params = authorizeParams(scopes, "state-" + username);
        HttpResponse<String> answer = exchange(approvedCode(username, params), params.get("redirect_uri"), null);
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode json = json(answer);
        return new Tokens(json.get("access_token").asText(), json.get("refresh_token").asText());
    }

    String appToken() {
        HttpResponse<String> answer = postForm("/v1/connect/oauth2/token",
                Map.of("grant_type", "client_credentials", "scope", "product.compact"));
        assertThat(answer.statusCode()).isEqualTo(200);
        return json(answer).get("access_token").asText();
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

    static String queryEncode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String formEncode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Percent-encoding with %20 for spaces, as Kroger wants for scope. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
