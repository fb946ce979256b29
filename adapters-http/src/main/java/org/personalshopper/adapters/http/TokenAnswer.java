package org.personalshopper.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.personalshopper.domain.AccessToken;

/**
 * A token endpoint's 200 answer read as RFC 6749 section 5.1 gives it: {@code access_token} (required),
 * {@code token_type} (bearer in any case, when present), {@code expires_in} (whole seconds; may be absent),
 * {@code refresh_token} (may be absent), and any other field a provider adds (a user id) through
 * {@link #text(String)}. What is required beyond that is the provider adapter's call: Kroger insists on
 * {@code expires_in}, a provider without it treats the lifetime as unknown.
 */
public final class TokenAnswer {
    private final AccessToken accessToken;
    private final Optional<String> refreshToken;
    private final Optional<Duration> expiresIn;
    private final JsonNode fields;

    private TokenAnswer(AccessToken accessToken, Optional<String> refreshToken, Optional<Duration> expiresIn,
                        JsonNode fields) {
        this.accessToken = accessToken;
        this.refreshToken = refreshToken;
        this.expiresIn = expiresIn;
        this.fields = fields;
    }

    /** Sends the token request and reads the answer; a failure is mapped as {@link ProviderHttp#failure} says. */
    public static TokenAnswer request(ProviderHttp http, ProviderRequest request) {
        Objects.requireNonNull(request, "request");
        return read(http, request, http.call(request));
    }

    /** Reads a 2xx token answer; an unusable one is {@code BAD_RESPONSE}. */
    public static TokenAnswer read(ProviderHttp http, ProviderRequest request, ProviderAnswer answer) {
        JsonNode root = http.jsonObject(request, answer);
        Optional<String> accessToken = JsonFields.text(root, "access_token");
        if (accessToken.isEmpty()) {
            throw http.badResponse(request, "had no access_token");
        }
        Optional<String> tokenType = JsonFields.text(root, "token_type");
        if (tokenType.isPresent() && !tokenType.get().equalsIgnoreCase("bearer")) {
            throw http.badResponse(request, "had a token_type other than bearer");
        }
        Optional<Duration> expiresIn = Optional.empty();
        JsonNode lifetime = root.get("expires_in");
        if (lifetime != null && !lifetime.isNull()) {
            expiresIn = Optional.of(JsonFields.decimal(root, "expires_in")
                    .filter(seconds -> seconds.signum() > 0)
                    .flatMap(TokenAnswer::wholeSeconds)
                    .orElseThrow(() -> http.badResponse(request, "had no valid expires_in")));
        }
        return new TokenAnswer(new AccessToken(accessToken.get()), JsonFields.text(root, "refresh_token"), expiresIn, root);
    }

    private static Optional<Duration> wholeSeconds(BigDecimal seconds) {
        try {
            return Optional.of(Duration.ofSeconds(seconds.longValueExact()));
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    public AccessToken accessToken() {
        return accessToken;
    }

    public Optional<String> refreshToken() {
        return refreshToken;
    }

    /** The token's lifetime, when the provider said it. */
    public Optional<Duration> expiresIn() {
        return expiresIn;
    }

    /** Another non-blank field of the answer as text, e.g. a provider's user id. */
    public Optional<String> text(String field) {
        return JsonFields.text(fields, field);
    }

    @Override
    public String toString() {
        return "TokenAnswer[accessToken=[redacted], refreshToken=" + (refreshToken.isPresent() ? "[redacted]" : "none")
                + ", expiresIn=" + expiresIn + "]";
    }
}
