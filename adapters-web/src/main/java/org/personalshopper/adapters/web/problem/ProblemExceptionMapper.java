package org.personalshopper.adapters.web.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.personalshopper.application.port.in.SignInFailedException;
import org.personalshopper.application.port.in.UseCaseException;
import org.personalshopper.domain.InvalidValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception into a problem+json answer. One mapper for {@link Throwable}, so that no other
 * (e.g. Jersey's default HTML or Jackson's plain-text answers) can win, and so that wrapped causes (a body
 * limit hit inside the JSON reader) are found. Never a stack trace, token or exception message of unknown
 * origin in the answer: unexpected failures get a generic detail and an incident id that is logged.
 */
@Provider
public final class ProblemExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionMapper.class);
    private final OutcomeProblems outcomes = new OutcomeProblems();

    @Override
    public Response toResponse(Throwable thrown) {
        return problemFor(thrown).response();
    }

    Problem problemFor(Throwable thrown) {
        Optional<PayloadTooLargeException> tooLarge = cause(thrown, PayloadTooLargeException.class);
        if (tooLarge.isPresent()) {
            return payloadTooLarge(tooLarge.get().limitBytes());
        }
        Optional<RequestBodyTimeoutException> late = cause(thrown, RequestBodyTimeoutException.class);
        if (late.isPresent()) {
            return requestTimeout(late.get());
        }
        Optional<JsonProcessingException> json = cause(thrown, JsonProcessingException.class);
        if (json.isPresent()) {
            return Problem.validation(List.of(jsonError(json.get())));
        }
        if (thrown instanceof RequestValidationException e) {
            return Problem.validation(e.errors());
        }
        if (thrown instanceof InvalidValueException e) {
            return Problem.validation(List.of(new Problem.FieldError(e.field(), e.getMessage())));
        }
        Optional<ProviderThreadsBusyException> busy = cause(thrown, ProviderThreadsBusyException.class);
        if (busy.isPresent()) {
            return ProviderProblems.threadsBusy(busy.get().retryAfter());
        }
        if (thrown instanceof UseCaseException outcome) {
            return outcome.accept(outcomes);
        }
        if (thrown instanceof WebApplicationException e) {
            return httpProblem(e);
        }
        String incident = UUID.randomUUID().toString();
        log.error("incident {}: unexpected failure", incident, thrown);
        return Problem.of(ProblemType.INTERNAL, 500, "Internal error",
                "something went wrong on our side; quote the incident id if you report it").with("incidentId", incident);
    }

    /** The problem answering a use-case outcome, for resources that add headers (e.g. clear a cookie). */
    public static Problem problem(UseCaseException outcome) {
        return outcome.accept(new OutcomeProblems());
    }

    /** The body did not arrive in time; the connection is closed, its remaining bytes are not waited for. */
    public static Problem requestTimeout(RequestBodyTimeoutException e) {
        return Problem.of(ProblemType.REQUEST_TIMEOUT, 408, "Request body too slow",
                "the request body must arrive within " + Math.max(1, e.limit().toSeconds()) + " s; nothing was done")
                .header("Connection", "close");
    }

    public static Problem payloadTooLarge(long limitBytes) {
        return Problem.of(ProblemType.PAYLOAD_TOO_LARGE, 413, "Request body too large",
                "the request body must be at most " + limitBytes + " bytes");
    }

    public static Problem signInFailed(SignInFailedException e) {
        return switch (e.reason()) {
            case INVALID_STATE -> Problem.of(ProblemType.SIGN_IN_STATE_INVALID, 400, "Sign-in could not be verified",
                    "this sign-in is unknown, expired, already used or was started in another browser; start again at /auth/login")
                    .with("signInUrl", "/auth/login");
            case DENIED -> Problem.of(ProblemType.SIGN_IN_DENIED, 403, "Sign-in refused",
                    "the provider did not grant access; start again at /auth/login to retry").with("signInUrl", "/auth/login");
            case PROVIDER_FAILED -> Problem.of(ProblemType.PROVIDER_UNAVAILABLE, 502, "The provider failed during sign-in",
                    "the provider could not complete the sign-in; nothing was stored, start again at /auth/login")
                    .with("signInUrl", "/auth/login");
        };
    }

    private static Problem httpProblem(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        Problem problem = switch (status) {
            case 404 -> Problem.of(ProblemType.NOT_FOUND, 404, "Not found", "no resource at this path");
            case 405 -> {
                Problem notAllowed = Problem.of(ProblemType.METHOD_NOT_ALLOWED, 405, "Method not allowed",
                        "this resource does not support the request's method");
                String allow = original.getHeaderString("Allow");
                yield allow == null ? notAllowed : notAllowed.header("Allow", allow);
            }
            case 406 -> Problem.of(ProblemType.NOT_ACCEPTABLE, 406, "Not acceptable",
                    "this resource answers application/json (errors: application/problem+json)");
            case 415 -> unsupportedMediaType();
            case 413 -> payloadTooLarge(-1);
            default -> {
                Response.StatusType type = Response.Status.fromStatusCode(status);
                String title = type == null ? "HTTP " + status : type.getReasonPhrase();
                if (status >= 500) {
                    String incident = UUID.randomUUID().toString();
                    log.error("incident {}: HTTP {}", incident, status, e);
                    yield Problem.of(ProblemType.INTERNAL, status, title, "something went wrong on our side")
                            .with("incidentId", incident);
                }
                yield Problem.of(ProblemType.HTTP, status, title, title);
            }
        };
        return problem;
    }

    public static Problem unsupportedMediaType() {
        return Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, 415, "Unsupported media type",
                "send the request body as application/json");
    }

    private static Problem.FieldError jsonError(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return new Problem.FieldError(path(u), "is not a known property");
        }
        if (e instanceof MismatchedInputException m) {
            String field = path(m);
            if (field.equals("$")) {
                return new Problem.FieldError("$", "must be a JSON object");
            }
            return new Problem.FieldError(field, "must be " + describe(m.getTargetType()));
        }
        if (e instanceof JsonMappingException d) {
            Optional<InputCoercionException> coercion = cause(d, InputCoercionException.class);
            return new Problem.FieldError(path(d), coercion.isPresent() ? "is out of range" : "is not valid here");
        }
        String field = e instanceof StreamReadException s && s.getProcessor() != null
                ? path(s.getProcessor().getParsingContext()) : "$";
        if (e instanceof InputCoercionException) {
            return new Problem.FieldError(field, "is out of range");
        }
        String message = String.valueOf(e.getOriginalMessage());
        if (message.startsWith("Duplicate field")) {
            return new Problem.FieldError(field, "appears more than once");
        }
        return new Problem.FieldError(field, "is not well-formed JSON");
    }

    private static String describe(Class<?> target) {
        if (target == null) {
            return "of another type";
        }
        if (target == String.class) {
            return "a string";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "an integer";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(target) || target.isRecord()) {
            return "an object";
        }
        return "of another type";
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "$" : path.toString();
    }

    private static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            } else if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        String joined = String.join("", parts);
        if (joined.isEmpty()) {
            return "$";
        }
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }

    private static <T extends Throwable> Optional<T> cause(Throwable thrown, Class<T> kind) {
        int depth = 0;
        for (Throwable t = thrown; t != null && depth < 20; t = t.getCause(), depth++) {
            if (kind.isInstance(t)) {
                return Optional.of(kind.cast(t));
            }
        }
        return Optional.empty();
    }
}
