package org.personalshopper.adapters.kroger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading Kroger's error bodies and Retry-After, whatever shape Kroger chose this time. */
class KrogerErrorsTest {
    private static KrogerErrorBody parse(String body) {
        return KrogerErrorBody.parse(body.getBytes(StandardCharsets.UTF_8), KrogerAdapters.objectMapper());
    }

    @Test
    void readsTheOauthShape() {
        KrogerErrorBody error = parse("{\"error\":\"INVALID_REQUEST\",\"error_description\":\"invalid code\"}");

        assertThat(error.description()).contains("invalid code");
        assertThat(error.hasCode("invalid_request")).isTrue();
    }

    @Test
    void readsTheApiShapeWrappedOrNot() {
        KrogerErrorBody wrapped = parse("{\"errors\":{\"timestamp\":1,\"code\":\"API-4101-400\",\"reason\":\"Invalid parameters\"}}");
        KrogerErrorBody bare = parse("{\"timestamp\":1,\"code\":\"API-4101-400\",\"reason\":\"Invalid parameters\"}");
        KrogerErrorBody asList = parse("{\"errors\":[{\"code\":\"API-4101-400\",\"reason\":\"Invalid parameters\"}]}");

        for (KrogerErrorBody error : List.of(wrapped, bare, asList)) {
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
    void anEmptyOrUnreadableBodyHasNoWords() {
        assertThat(parse("")).isEqualTo(KrogerErrorBody.NONE);
        assertThat(parse("<html>Bad gateway</html>")).isEqualTo(KrogerErrorBody.NONE);
        assertThat(parse("[1,2]")).isEqualTo(KrogerErrorBody.NONE);
    }

    @Test
    void scrubbingRemovesSecretsControlCharactersAndLength() {
        String scrubbed = KrogerHttp.scrub("token abc123\nis\tbad " + "x".repeat(500), List.of("abc123"));

        assertThat(scrubbed).startsWith("token [redacted] is bad x").doesNotContain("abc123", "\n", "\t");
        assertThat(scrubbed.length()).isLessThanOrEqualTo(203);
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        Clock now = Clock.fixed(KrogerTestSupport.NOW, ZoneOffset.UTC);

        assertThat(KrogerHttp.retryAfter("3600", now)).contains(Duration.ofHours(1));
        assertThat(KrogerHttp.retryAfter("Sun, 22 Nov 2026 12:00:30 GMT", now)).contains(Duration.ofSeconds(30));
        assertThat(KrogerHttp.retryAfter("Sat, 21 Nov 2026 12:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(KrogerHttp.retryAfter("soon", now)).isEqualTo(Optional.empty());
        assertThat(KrogerHttp.retryAfter("-5", now)).isEmpty();
    }

    @Test
    void percentEncodingKeepsOnlyUnreservedCharacters() {
        assertThat(UriEncoding.encode("a b+c/d:e~f.g-h_i%")).isEqualTo("a%20b%2Bc%2Fd%3Ae~f.g-h_i%25");
        assertThat(UriEncoding.encode("café")).isEqualTo("caf%C3%A9");
    }
}
