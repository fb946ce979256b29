package org.personalshopper.adapters.web.problem;

import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An RFC 9457 problem answer ({@code application/problem+json}). Every error this service gives is built
 * here, so the shape, the media type and the stable {@code type} URIs are the same everywhere.
 */
public final class Problem {
    public static final String MEDIA_TYPE = "application/problem+json";
    /** How long to suggest waiting when the grocer did not say. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

    private final int status;
    private final Map<String, Object> body = new LinkedHashMap<>();
    private Duration retryAfter;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Problem(ProblemType type, int status, String title, String detail) {
        this.status = status;
        body.put("type", type.uri());
        body.put("title", Objects.requireNonNull(title));
        body.put("status", status);
        body.put("detail", Objects.requireNonNull(detail));
    }

    public static Problem of(ProblemType type, int status, String title, String detail) {
        return new Problem(type, status, title, detail);
    }

    /** A 400 naming each field that was wrong. */
    public static Problem validation(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new Problem(ProblemType.VALIDATION, 400, "Invalid request", detail).with("errors", List.copyOf(errors));
    }

    /** An extra member, e.g. {@code signInUrl} or {@code incidentId}. */
    public Problem with(String member, Object value) {
        body.put(member, value);
        return this;
    }

    /** An extra response header, e.g. {@code Allow} on a 405. */
    public Problem header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Problem retryAfter(Duration wait) {
        this.retryAfter = wait;
        return this;
    }

    public int status() {
        return status;
    }

    /** The JSON members, in order, for writers outside Jersey. */
    public Map<String, Object> body() {
        return Collections.unmodifiableMap(body);
    }

    public Response.ResponseBuilder builder() {
        Response.ResponseBuilder builder = Response.status(status).type(MEDIA_TYPE).entity(body)
                .header("Cache-Control", "no-store");
        headers().forEach(builder::header);
        return builder;
    }

    /** The extra response headers, {@code Retry-After} (whole seconds, rounded up) among them, for writers outside Jersey. */
    public Map<String, String> headers() {
        if (retryAfter == null) {
            return Collections.unmodifiableMap(headers);
        }
        Map<String, String> all = new LinkedHashMap<>(headers);
        long seconds = Math.max(1, retryAfter.toSeconds() + (retryAfter.toMillisPart() > 0 ? 1 : 0));
        all.put("Retry-After", Long.toString(seconds));
        return all;
    }

    public Response response() {
        return builder().build();
    }

    /** One wrong field: its JSON path (e.g. {@code items[0].upc}, {@code $} for the whole body) and what is wrong. */
    public record FieldError(String field, String message) {
        public FieldError {
            Objects.requireNonNull(field);
            Objects.requireNonNull(message);
        }
    }
}
