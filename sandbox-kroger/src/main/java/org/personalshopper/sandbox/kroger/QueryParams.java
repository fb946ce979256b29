package org.personalshopper.sandbox.kroger;

/** Parsing of Kroger's numeric query filters, answering Kroger's 400 when a value is not a number in range. */
final class QueryParams {

    private QueryParams() {
    }

    static int intInRange(String value, int defaultValue, int min, int max, KrogerResponses responses, String reason) {
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw responses.invalidParameter(reason);
        }
        if (parsed < min || parsed > max) {
            throw responses.invalidParameter(reason);
        }
        return parsed;
    }
}
