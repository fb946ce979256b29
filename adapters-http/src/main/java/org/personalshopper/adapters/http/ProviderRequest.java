package org.personalshopper.adapters.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.personalshopper.domain.AccessToken;

/**
 * One call to a provider as {@link ProviderHttp} needs it: what to send, what it is for in a shopper's words
 * (used in failure reasons), which scope it needs (named on a 403), which secrets it carries (scrubbed from
 * any text the provider echoes back) and how a refusal is to be read.
 */
public final class ProviderRequest {
    private final String method;
    private final String path;
    private final String purpose;
    private final List<Map.Entry<String, String>> query = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<String> secrets = new ArrayList<>();
    private final List<Map.Entry<String, String>> formFields = new ArrayList<>();
    private byte[] jsonBody;
    private Optional<String> neededScope = Optional.empty();
    private boolean clientErrorMeansRejected;
    private boolean presentsClientCredentials;

    private ProviderRequest(String method, String path, String purpose) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("a request path starts with '/'");
        }
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("a request needs a purpose for its failure reasons");
        }
        this.method = method;
        this.path = path;
        this.purpose = purpose;
        headers.put("Accept", "application/json");
    }

    public static ProviderRequest get(String path, String purpose) {
        return new ProviderRequest("GET", path, purpose);
    }

    public static ProviderRequest post(String path, String purpose) {
        return new ProviderRequest("POST", path, purpose);
    }

    public static ProviderRequest put(String path, String purpose) {
        return new ProviderRequest("PUT", path, purpose);
    }

    public ProviderRequest query(String name, String value) {
        query.add(Map.entry(name, Objects.requireNonNull(value, name)));
        return this;
    }

    public ProviderRequest bearer(AccessToken token) {
        headers.put("Authorization", "Bearer " + token.value());
        secrets.add(token.value());
        return this;
    }

    public ProviderRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** A header or form value that must never show up in a reason, even if the provider echoes it. */
    public ProviderRequest secret(String value) {
        if (value != null && !value.isBlank()) {
            secrets.add(value);
        }
        return this;
    }

    /** Form fields of an {@code application/x-www-form-urlencoded} body; more calls add more fields. */
    public ProviderRequest form(List<Map.Entry<String, String>> fields) {
        if (jsonBody != null) {
            throw new IllegalStateException("a request has a form body or a JSON body, not both");
        }
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        fields.forEach(field -> formFields.add(Map.entry(field.getKey(), Objects.requireNonNull(field.getValue()))));
        return this;
    }

    public ProviderRequest json(byte[] json) {
        if (!formFields.isEmpty()) {
            throw new IllegalStateException("a request has a form body or a JSON body, not both");
        }
        headers.put("Content-Type", "application/json");
        jsonBody = json.clone();
        return this;
    }

    /**
     * Authenticates the app on a token request the way the provider wants; the credentials become secrets of
     * the call, and a refusal of them reads as this app's misconfiguration, never as a verdict on a shopper.
     */
    public ProviderRequest clientCredentials(ClientCredentials credentials) {
        presentsClientCredentials = true;
        secret(credentials.clientSecret());
        switch (credentials.presentation()) {
            case BASIC -> {
                String basic = credentials.basicHeader();
                header("Authorization", basic);
                secret(basic.substring("Basic ".length()));
            }
            case FORM_ID_AND_SECRET -> form(List.of(Map.entry("client_id", credentials.clientId()),
                    Map.entry("client_secret", credentials.clientSecret())));
            case FORM_SECRET -> form(List.of(Map.entry("client_secret", credentials.clientSecret())));
        }
        return this;
    }

    public ProviderRequest needsScope(String scope) {
        neededScope = Optional.of(scope);
        return this;
    }

    /** On a refresh any 4xx (but a rate limit) means the refresh token is dead: the shopper signs in again. */
    public ProviderRequest clientErrorMeansRejected() {
        clientErrorMeansRejected = true;
        return this;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public String purpose() {
        return purpose;
    }

    public List<Map.Entry<String, String>> query() {
        return List.copyOf(query);
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    public Optional<byte[]> body() {
        if (jsonBody != null) {
            return Optional.of(jsonBody.clone());
        }
        if (!formFields.isEmpty()) {
            return Optional.of(UriEncoding.form(formFields).getBytes(StandardCharsets.UTF_8));
        }
        return Optional.empty();
    }

    public Optional<String> neededScope() {
        return neededScope;
    }

    public boolean isClientErrorRejected() {
        return clientErrorMeansRejected;
    }

    public boolean presentsClientCredentials() {
        return presentsClientCredentials;
    }

    public List<String> secrets() {
        return List.copyOf(secrets);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
