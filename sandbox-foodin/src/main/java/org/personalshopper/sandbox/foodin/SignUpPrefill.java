package org.personalshopper.sandbox.foodin;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The {@code foodin_user[...]} fields an application may send to prefill the sign-up form of a new user. As at
 * Foodin, an invalid value is silently ignored: it is simply not prefilled. Only the fields Foodin lists are
 * known; any other {@code foodin_user[...]} key is ignored too.
 *
 * @param fields the valid fields, by name, in the order Foodin lists them; values normalized (e.g. country upper-case)
 */
record SignUpPrefill(Map<String, String> fields) {

    static final String PREFIX = "foodin_user[";
    static final Set<String> BUSINESS_TYPES = Set.of("sole_prop", "corporation", "non_profit", "partnership", "llc");
    private static final int MAX_TEXT = 200;
    private static final int MAX_DESCRIPTION = 1_000;
    private static final Pattern TWO_LETTERS = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern TEN_DIGITS = Pattern.compile("[0-9]{10}");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,4}");

    /** What the consent page calls each field. */
    static final Map<String, String> LABELS = labels();

    SignUpPrefill {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    static SignUpPrefill none() {
        return new SignUpPrefill(Map.of());
    }

    /** Reads the fields out of authorize parameters, keeping only the valid ones. */
    static SignUpPrefill from(Function<String, String> firstValue, Clock clock) {
        Map<String, String> valid = new LinkedHashMap<>();
        Optional<String> country = text(firstValue, "country").filter(c -> TWO_LETTERS.matcher(c).matches())
                .map(c -> c.toUpperCase(Locale.ROOT));
        text(firstValue, "email").flatMap(FoodinUsers::normalizeEmail).ifPresent(v -> valid.put("email", v));
        text(firstValue, "url").filter(SignUpPrefill::isHttpUrl).ifPresent(v -> valid.put("url", v));
        country.ifPresent(v -> valid.put("country", v));
        // A phone number means nothing without its country.
        text(firstValue, "phone_number").filter(p -> TEN_DIGITS.matcher(p).matches() && country.isPresent())
                .ifPresent(v -> valid.put("phone_number", v));
        shortText(firstValue, "business_name").ifPresent(v -> valid.put("business_name", v));
        text(firstValue, "business_type").filter(BUSINESS_TYPES::contains).ifPresent(v -> valid.put("business_type", v));
        shortText(firstValue, "first_name").ifPresent(v -> valid.put("first_name", v));
        shortText(firstValue, "last_name").ifPresent(v -> valid.put("last_name", v));
        dateOfBirth(firstValue, clock).ifPresent(dob -> {
            valid.put("dob_day", Integer.toString(dob.getDayOfMonth()));
            valid.put("dob_month", Integer.toString(dob.getMonthValue()));
            valid.put("dob_year", Integer.toString(dob.getYear()));
        });
        shortText(firstValue, "street_address").ifPresent(v -> valid.put("street_address", v));
        shortText(firstValue, "city").ifPresent(v -> valid.put("city", v));
        text(firstValue, "state").filter(s -> TWO_LETTERS.matcher(s).matches())
                .ifPresent(v -> valid.put("state", v.toUpperCase(Locale.ROOT)));
        text(firstValue, "zip").filter(z -> z.length() <= 20).ifPresent(v -> valid.put("zip", v));
        text(firstValue, "product_description").filter(d -> d.length() <= MAX_DESCRIPTION)
                .ifPresent(v -> valid.put("product_description", v));
        return new SignUpPrefill(valid);
    }

    Optional<String> email() {
        return Optional.ofNullable(fields.get("email"));
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    static String parameterName(String field) {
        return PREFIX + field + "]";
    }

    private static Optional<String> text(Function<String, String> firstValue, String field) {
        return Optional.ofNullable(firstValue.apply(parameterName(field))).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static Optional<String> shortText(Function<String, String> firstValue, String field) {
        return text(firstValue, field).filter(v -> v.length() <= MAX_TEXT && v.chars().noneMatch(Character::isISOControl));
    }

    /** All three of day, month and year or none; a real date; year after 1900 and not in the future. */
    private static Optional<LocalDate> dateOfBirth(Function<String, String> firstValue, Clock clock) {
        List<Optional<String>> parts = List.of(text(firstValue, "dob_day"), text(firstValue, "dob_month"),
                text(firstValue, "dob_year"));
        if (parts.stream().anyMatch(p -> p.isEmpty() || !WHOLE_NUMBER.matcher(p.get()).matches())) {
            return Optional.empty();
        }
        int day = Integer.parseInt(parts.get(0).get());
        int month = Integer.parseInt(parts.get(1).get());
        int year = Integer.parseInt(parts.get(2).get());
        if (year <= 1900) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.of(year, month, day);
            return date.isAfter(LocalDate.now(clock)) ? Optional.empty() : Optional.of(date);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null
                    && text.length() <= MAX_TEXT;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("email", "E-mail");
        labels.put("url", "Website");
        labels.put("country", "Country");
        labels.put("phone_number", "Phone number");
        labels.put("business_name", "Business name");
        labels.put("business_type", "Business type");
        labels.put("first_name", "First name");
        labels.put("last_name", "Last name");
        labels.put("dob_day", "Birth day");
        labels.put("dob_month", "Birth month");
        labels.put("dob_year", "Birth year");
        labels.put("street_address", "Street address");
        labels.put("city", "City");
        labels.put("state", "State");
        labels.put("zip", "ZIP");
        labels.put("product_description", "Product description");
        return Collections.unmodifiableMap(labels);
    }
}
