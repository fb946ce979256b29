package org.personalshopper.adapters.kroger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.personalshopper.domain.AccessToken;

/**
 * One call to Kroger as the HTTP layer needs it: what to send, what it is for in a shopper's words (used in
 * failure reasons), which scope it needs (named on a 403) and which secrets it carries (scrubbed from any
 * text Kroger echoes back).
 */
final class KrogerRequest {
    final String method;
    final String path;
    final String purpose;
    private final List<Map.Entry<String, String>> query = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<String> secrets = new ArrayList<>();
    private byte[] body;
    private Optional<String> neededScope = Optional.empty();
    private boolean clientErrorMeansRejected;

    private KrogerRequest(String method, String path, String purpose) {
        this.method = method;
        this.path = path;
        this.purpose = purpose;
        headers.put("Accept", "application/json");
    }

    static KrogerRequest get(String path, String purpose) {
        return new KrogerRequest("GET", path, purpose);
    }

    static KrogerRequest post(String path, String purpose) {
        return new KrogerRequest("POST", path, purpose);
    }

    static KrogerRequest put(String path, String purpose) {
        return new KrogerRequest("PUT", path, purpose);
    }

    KrogerRequest query(String name, String value) {
        query.add(Map.entry(name, Objects.requireNonNull(value, name)));
        return this;
    }

    KrogerRequest bearer(AccessToken token) {
        headers.put("Authorization", "Bearer " + token.value());
        secrets.add(token.value());
        return this;
    }

    KrogerRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** A header or form value that must never show up in a reason, even if Kroger echoes it. */
    KrogerRequest secret(String value) {
        if (value != null && !value.isBlank()) {
            secrets.add(value);
        }
        return this;
    }

    KrogerRequest form(List<Map.Entry<String, String>> fields) {
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        body = UriEncoding.form(fields).getBytes(StandardCharsets.UTF_8);
        return this;
    }

    KrogerRequest json(byte[] json) {
        headers.put("Content-Type", "application/json");
        body = json.clone();
        return this;
    }

    KrogerRequest needsScope(String scope) {
        neededScope = Optional.of(scope);
        return this;
    }

    /** On a refresh any 4xx (but a rate limit) means the refresh token is dead: the shopper signs in again. */
    KrogerRequest clientErrorMeansRejected() {
        clientErrorMeansRejected = true;
        return this;
    }

    List<Map.Entry<String, String>> query() {
        return List.copyOf(query);
    }

    Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    Optional<byte[]> body() {
        return Optional.ofNullable(body).map(byte[]::clone);
    }

    Optional<String> neededScope() {
        return neededScope;
    }

    boolean isClientErrorRejected() {
        return clientErrorMeansRejected;
    }

    List<String> secrets() {
        return List.copyOf(secrets);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
