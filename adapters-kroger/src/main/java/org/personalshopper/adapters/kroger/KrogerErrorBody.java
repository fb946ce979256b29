package org.personalshopper.adapters.kroger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * What Kroger said in an error body. Kroger uses two shapes, sometimes with and sometimes without the
 * wrapper: the OAuth one {@code {"error","error_description"}} (token endpoint, auth layer 401s) and the API one
 * {@code {"errors":{"code","reason","timestamp"}}}; the CE host also answers {@code {"message":...}}.
 * An unreadable or empty body is simply an error without words.
 *
 * @param code        the error code in lower case ({@code invalid_request}, {@code api-4101-400}): compared, never shown
 * @param description Kroger's own explanation, safe to show after scrubbing
 */
record KrogerErrorBody(Optional<String> code, Optional<String> description) {
    static final KrogerErrorBody NONE = new KrogerErrorBody(Optional.empty(), Optional.empty());

    static KrogerErrorBody parse(byte[] body, ObjectMapper json) {
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
            KrogerErrorBody nested = fromFields(errors);
            if (nested.code.isPresent() || nested.description.isPresent()) {
                return nested;
            }
        }
        return fromFields(root);
    }

    private static KrogerErrorBody fromFields(JsonNode node) {
        Optional<String> code = text(node, "error").or(() -> text(node, "code"))
                .map(c -> c.toLowerCase(Locale.ROOT));
        Optional<String> description = text(node, "error_description")
                .or(() -> text(node, "reason"))
                .or(() -> text(node, "message"));
        return new KrogerErrorBody(code, description);
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isValueNode() || value.isNull()) {
            return Optional.empty();
        }
        String text = value.asText().strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    boolean hasCode(String expected) {
        return code.filter(c -> c.equalsIgnoreCase(expected)).isPresent();
    }
}
