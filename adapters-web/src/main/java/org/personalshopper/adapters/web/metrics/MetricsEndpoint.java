package org.personalshopper.adapters.web.metrics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What {@code GET /metrics} serves, handed in by the bootstrap (the web adapter never sees the metrics
 * library): the Prometheus text and the bearer token that may read it. Without a token metrics are off
 * and {@code /metrics} answers 404.
 */
public final class MetricsEndpoint {
    private final Optional<byte[]> token;
    private final Supplier<String> scrape;

    private MetricsEndpoint(Optional<byte[]> token, Supplier<String> scrape) {
        this.token = token;
        this.scrape = scrape;
    }

    /** Metrics on: {@code scrape} gives the Prometheus text format 0.0.4, readable with {@code token}. */
    public static MetricsEndpoint on(String token, Supplier<String> scrape) {
        if (Objects.requireNonNull(token, "token").isBlank()) {
            throw new IllegalArgumentException("a metrics token must not be blank");
        }
        return new MetricsEndpoint(Optional.of(token.getBytes(StandardCharsets.UTF_8)), Objects.requireNonNull(scrape, "scrape"));
    }

    public static MetricsEndpoint off() {
        return new MetricsEndpoint(Optional.empty(), () -> "");
    }

    public boolean enabled() {
        return token.isPresent();
    }

    /** Whether the request's {@code Authorization} header (null when absent) carries the token; constant time. */
    public boolean allows(String authorization) {
        if (token.isEmpty() || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] presented = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(presented, token.get());
    }

    public String scrape() {
        return scrape.get();
    }
}
