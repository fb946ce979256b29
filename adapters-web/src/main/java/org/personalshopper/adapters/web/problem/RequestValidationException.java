package org.personalshopper.adapters.web.problem;

import java.util.List;

/** A request that broke one or more rules, each naming its field; answered 400 before any use case runs. */
public final class RequestValidationException extends RuntimeException {
    private final transient List<Problem.FieldError> errors;

    public RequestValidationException(List<Problem.FieldError> errors) {
        super(errors.size() + " invalid field(s)", null, false, false);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation failure names at least one field");
        }
        this.errors = List.copyOf(errors);
    }

    public static RequestValidationException of(String field, String message) {
        return new RequestValidationException(List.of(new Problem.FieldError(field, message)));
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
