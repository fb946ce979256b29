package org.personalshopper.adapters.http;

import static org.personalshopper.adapters.http.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * What a provider said in an error body, in whichever of the common shapes it chose: OAuth's
 * {@code {"error","error_description"}} (RFC 6749 section 5.2), an API gateway's {@code {"code","reason"}} with
 * or without an {@code "errors"} wrapper (object or one-element array), or a bare {@code {"message":...}}.
 * An unreadable or empty body is simply an error without words.
 *
 * @param shape       which shape the words came in
 * @param code        the error code in lower case ({@code invalid_request}, {@code api-4101-400}): compared, never shown
 * @param description the provider's own explanation, safe to show after scrubbing
 */
public record ErrorBody(Shape shape, Optional<String> code, Optional<String> description) {
    public static final ErrorBody NONE = new ErrorBody(Shape.NONE, Optional.empty(), Optional.empty());

    /** The shape of an error body. */
    public enum Shape {
        /** {@code {"error","error_description"}}: an OAuth server's verdict (on a grant, a token, a scope). */
        OAUTH,
        /** {@code {"code","reason"}} or {@code {"message"}}: an API layer or gateway speaking, not OAuth. */
        API,
        /** No readable words. */
        NONE
    }

    public static ErrorBody parse(byte[] body, ObjectMapper json) {
        if (body == null || body.length == 0) {
            return NONE;
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            return NONE;
        }
        if (root == null || !root.isObject()) {
            return NONE;
        }
        JsonNode errors = root.get("errors");
        if (errors != null && errors.isArray() && !errors.isEmpty()) {
            errors = errors.get(0);
        }
        if (errors != null && errors.isObject()) {
            ErrorBody nested = fromFields(errors);
            if (nested.shape != Shape.NONE) {
                return nested;
            }
        }
        return fromFields(root);
    }

    private static ErrorBody fromFields(JsonNode node) {
        Optional<String> oauthCode = text(node, "error");
        if (oauthCode.isPresent()) {
            return new ErrorBody(Shape.OAUTH, oauthCode.map(ErrorBody::lower),
                    text(node, "error_description").or(() -> text(node, "reason")).or(() -> text(node, "message")));
        }
        Optional<String> code = text(node, "code").map(ErrorBody::lower);
        Optional<String> description = text(node, "reason")
                .or(() -> text(node, "error_description"))
                .or(() -> text(node, "message"));
        if (code.isEmpty() && description.isEmpty()) {
            return NONE;
        }
        return new ErrorBody(Shape.API, code, description);
    }

    private static String lower(String code) {
        return code.toLowerCase(Locale.ROOT);
    }

    public boolean hasCode(String expected) {
        return code.filter(c -> c.equalsIgnoreCase(expected)).isPresent();
    }
}
