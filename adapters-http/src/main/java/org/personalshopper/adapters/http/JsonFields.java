package org.personalshopper.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Lenient reads of a provider's JSON: a missing, null or oddly typed field is simply absent, never a crash. */
public final class JsonFields {
    private JsonFields() {
    }

    /** A non-blank text (or number/boolean as text), stripped. */
    public static Optional<String> text(JsonNode node, String field) {
        if (node == null) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isValueNode()) {
            return Optional.empty();
        }
        String text = value.asText().strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** A decimal from a JSON number or a numeric string (exact: the mapper reads floats as BigDecimal). */
    public static Optional<BigDecimal> decimal(JsonNode node, String field) {
        if (node == null) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isNumber()) {
            return Optional.of(value.decimalValue());
        }
        if (value.isTextual()) {
            try {
                return Optional.of(new BigDecimal(value.asText().strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** True only for a JSON {@code true} or the text "true". */
    public static boolean flag(JsonNode node, String field) {
        if (node == null) {
            return false;
        }
        JsonNode value = node.get(field);
        return value != null && (value.isBoolean() ? value.booleanValue() : "true".equalsIgnoreCase(value.asText()));
    }

    public static Optional<JsonNode> object(JsonNode node, String field) {
        if (node == null) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        return value != null && value.isObject() ? Optional.of(value) : Optional.empty();
    }

    /** The elements of an array field; a single object is read as a one-element list (providers' shapes drift). */
    public static List<JsonNode> list(JsonNode node, String field) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return out;
        }
        if (value.isArray()) {
            value.forEach(out::add);
        } else if (value.isObject()) {
            out.add(value);
        }
        return out;
    }
}
