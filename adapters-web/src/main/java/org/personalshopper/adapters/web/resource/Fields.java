package org.personalshopper.adapters.web.resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.personalshopper.adapters.web.problem.Problem;
import org.personalshopper.adapters.web.problem.RequestValidationException;
import org.personalshopper.application.port.in.NotFoundException;
import org.personalshopper.domain.InvalidValueException;

/**
 * Collects every wrong field of one request before anything runs, so the client learns all its mistakes
 * at once and no use case is called with a half-valid request.
 */
final class Fields {
    private final List<Problem.FieldError> errors = new ArrayList<>();

    /**
     * An id taken from the URL path. One that is not even well formed names nothing that exists, so it
     * answers 404 like an unknown or someone else's id, never a 400 that would tell them apart.
     */
    static <T> T pathId(String what, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidValueException e) {
            throw new NotFoundException(what);
        }
    }

    /** The value built by {@code parse}, or null after recording the rule it broke under {@code path}. */
    <T> T check(String path, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidValueException e) {
            errors.add(new Problem.FieldError(path, e.getMessage()));
            return null;
        }
    }

    /** A value whose rules name their own fields (e.g. a query of several parameters). */
    <T> T checkAll(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidValueException e) {
            errors.add(new Problem.FieldError(e.field(), e.getMessage()));
            return null;
        }
    }

    /** Like {@link #check} for a value that must be present. */
    <T> T required(String path, Object raw, Supplier<T> parse) {
        if (raw == null) {
            errors.add(new Problem.FieldError(path, "is required"));
            return null;
        }
        return check(path, parse);
    }

    /** An optional query parameter that must be a whole number when given. */
    int integer(String path, String raw, int whenAbsent) {
        if (raw == null || raw.isEmpty()) {
            return whenAbsent;
        }
        if (raw.length() > 9 || !raw.matches("-?[0-9]+")) {
            errors.add(new Problem.FieldError(path, "must be an integer"));
            return whenAbsent;
        }
        return Integer.parseInt(raw);
    }

    static Optional<String> given(String raw) {
        return Optional.ofNullable(raw).filter(s -> !s.isBlank());
    }

    void fail(String path, String message) {
        errors.add(new Problem.FieldError(path, message));
    }

    boolean ok() {
        return errors.isEmpty();
    }

    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
    }

    static <T> T body(T body) {
        if (body == null) {
            throw RequestValidationException.of("$", "a JSON object body is required");
        }
        return body;
    }
}
