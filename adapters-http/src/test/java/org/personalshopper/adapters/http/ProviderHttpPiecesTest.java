package org.personalshopper.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading providers' error bodies and Retry-After, whatever shape the provider chose this time; scrubbing; encoding. */
class ProviderHttpPiecesTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private static ErrorBody parse(String body) {
        return ErrorBody.parse(body.getBytes(StandardCharsets.UTF_8), ProviderHttp.objectMapper());
    }

    @Test
    void readsTheOauthShape() {
        ErrorBody error = parse("{\"error\":\"INVALID_REQUEST\",\"error_description\":\"invalid code\"}");

        assertThat(error.description()).contains("invalid code");
        assertThat(error.hasCode("invalid_request")).isTrue();
    }

    @Test
    void readsTheApiShapeWrappedOrNot() {
        ErrorBody wrapped = parse("{\"errors\":{\"timestamp\":1,\"code\":\"API-4101-400\",\"reason\":\"Invalid parameters\"}}");
        ErrorBody bare = parse("{\"timestamp\":1,\"code\":\"API-4101-400\",\"reason\":\"Invalid parameters\"}");
        ErrorBody asList = parse("{\"errors\":[{\"code\":\"API-4101-400\",\"reason\":\"Invalid parameters\"}]}");

        for (ErrorBody error : List.of(wrapped, bare, asList)) {
            assertThat(error.description()).contains("Invalid parameters");
            assertThat(error.hasCode("api-4101-400")).isTrue();
        }
    }

    @Test
    void readsTheOauthFieldsInsideTheErrorsWrapperAndTheCeMessage() {
        assertThat(parse("{\"errors\":{\"error\":\"invalid_token\",\"error_description\":\"expired\"}}").hasCode("INVALID_TOKEN"))
                .isTrue();
        assertThat(parse("{\"message\":\"Unauthorized\"}").description()).contains("Unauthorized");
    }

    @Test
    void tellsAnOauthVerdictFromAnApiLayerComplaint() {
        assertThat(parse("{\"error\":\"invalid_grant\"}").shape()).isEqualTo(ErrorBody.Shape.OAUTH);
        assertThat(parse("{\"errors\":{\"error\":\"invalid_token\"}}").shape()).isEqualTo(ErrorBody.Shape.OAUTH);
        assertThat(parse("{\"code\":\"AUTH-1001-400\",\"reason\":\"bad client\"}").shape()).isEqualTo(ErrorBody.Shape.API);
        assertThat(parse("{\"errors\":{\"code\":\"X\",\"reason\":\"y\"}}").shape()).isEqualTo(ErrorBody.Shape.API);
        assertThat(parse("{\"message\":\"Unauthorized\"}").shape()).isEqualTo(ErrorBody.Shape.API);
        assertThat(parse("{}").shape()).isEqualTo(ErrorBody.Shape.NONE);
    }

    @Test
    void anEmptyOrUnreadableBodyHasNoWords() {
        assertThat(parse("")).isEqualTo(ErrorBody.NONE);
        assertThat(parse("<html>Bad gateway</html>")).isEqualTo(ErrorBody.NONE);
        assertThat(parse("[1,2]")).isEqualTo(ErrorBody.NONE);
    }

    @Test
    void scrubbingRemovesSecretsControlCharactersAndLength() {
        String scrubbed = SafeText.scrub("token abc123\nis\tbad " + "x".repeat(500), List.of("abc123"));

        assertThat(scrubbed).startsWith("token [redacted] is bad x").doesNotContain("abc123", "\n", "\t");
        assertThat(scrubbed.length()).isLessThanOrEqualTo(203);
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        Clock now = Clock.fixed(NOW, ZoneOffset.UTC);

        assertThat(RetryAfter.parse("3600", now)).contains(Duration.ofHours(1));
        assertThat(RetryAfter.parse("Sun, 22 Nov 2026 12:00:30 GMT", now)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Sat, 21 Nov 2026 12:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", now)).isEqualTo(Optional.empty());
        assertThat(RetryAfter.parse("-5", now)).isEmpty();
    }

    @Test
    void percentEncodingKeepsOnlyUnreservedCharacters() {
        assertThat(UriEncoding.encode("a b+c/d:e~f.g-h_i%")).isEqualTo("a%20b%2Bc%2Fd%3Ae~f.g-h_i%25");
        assertThat(UriEncoding.encode("café")).isEqualTo("caf%C3%A9");
    }

    /** The fast paths (a value with nothing to escape returned as it is, the form built in a loop) change nothing. */
    @Test
    void percentEncodingAndFormsAgreeWithTheByteByByteEncodingForRandomText() {
        java.util.Random random = new java.util.Random(13);
        String alphabet = "AZaz09-._~ +/:=&?%#\u00e9\u4e2d\ud83d\ude00\"'";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            boolean plain = random.nextBoolean();
            for (int j = 0; j < length; j++) {
                text.append(plain ? "AZaz09-._~".charAt(random.nextInt(10)) : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String value = text.toString();
            assertThat(UriEncoding.encode(value)).as(value).isEqualTo(byteByByte(value));
            assertThat(UriEncoding.form(List.of(Map.entry(value, "v"), Map.entry("k", value))))
                    .isEqualTo(byteByByte(value) + "=v&k=" + byteByByte(value));
        }
        assertThat(UriEncoding.form(List.of())).isEmpty();
    }

    private static String byteByByte(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
