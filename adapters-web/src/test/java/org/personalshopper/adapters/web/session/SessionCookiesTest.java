package org.personalshopper.adapters.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Cookie;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.glassfish.jersey.message.internal.HttpHeaderReader;
import org.junit.jupiter.api.Test;

/**
 * The session filter reads the session cookie from the Cookie headers itself; a shopper's browser relies on
 * it finding the same session id Jersey's cookie parser would, whatever else the headers carry.
 */
class SessionCookiesTest {
    private static final String NAME = SessionCookies.SESSION;
    private static final String[] PIECES = {NAME, "shopper_login", "other", "=", "=", ";", ";", ",", " ", "\t", "abc", "x=y",
            "s3cr3t-id_A", NAME + "=", NAME + " = v1 ", "\u0001", ""};

    @Test
    void findsWhatJerseysParserFindsInPlainHeaders() {
        Random random = new Random(13);
        int found = 0;
        for (int round = 0; round < 100_000; round++) {
            int headers = 1 + random.nextInt(2);
            String[] values = new String[headers];
            for (int h = 0; h < headers; h++) {
                StringBuilder header = new StringBuilder();
                int length = random.nextInt(8);
                for (int i = 0; i < length; i++) {
                    header.append(PIECES[random.nextInt(PIECES.length)]);
                }
                values[h] = header.toString();
            }
            String expected = jersey(values);
            String actual = null;
            for (String value : values) {
                String last = SessionCookies.lastValue(value, NAME);
                actual = last != null ? last : actual;
            }
            assertThat(actual).as(String.join(" | ", values)).isEqualTo(expected);
            found += expected != null ? 1 : 0;
        }
        assertThat(found).as("the session cookie is exercised").isGreaterThan(10_000);
    }

    @Test
    void ordinaryHeaders() {
        assertThat(SessionCookies.lastValue(NAME + "=abc", NAME)).isEqualTo("abc");
        assertThat(SessionCookies.lastValue("a=b; " + NAME + "=abc; c=d", NAME)).isEqualTo("abc");
        assertThat(SessionCookies.lastValue(NAME + "=old, " + NAME + "=new", NAME)).isEqualTo("new");
        assertThat(SessionCookies.lastValue("x" + NAME + "=abc", NAME)).isNull();
        assertThat(SessionCookies.lastValue(NAME, NAME)).isEmpty();
        assertThat(SessionCookies.lastValue("", NAME)).isNull();
    }

    /** What {@code ContainerRequest.getCookies()} makes of these Cookie headers: each parsed, later ones win. */
    private static String jersey(String[] headers) {
        Map<String, Cookie> all = new HashMap<>();
        for (String header : headers) {
            all.putAll(HttpHeaderReader.readCookies(header));
        }
        Cookie cookie = all.get(NAME);
        return cookie == null ? null : cookie.getValue();
    }

    @Test
    void jerseyIsAskedWhenAHeaderHasAttributesOrQuotes() {
        // Documents why those headers go to Jersey: it strips quotes and reads $Path, which decides who wins.
        assertThat(jersey(new String[] {NAME + "=\"abc\""})).isEqualTo("abc");
        assertThat(jersey(new String[] {NAME + "=a; $Path=/api; " + NAME + "=b"})).isEqualTo("a");
        assertThat(List.of(SessionCookies.lastValue(NAME + "=\"abc\"", NAME))).containsExactly("\"abc\"");
    }

    @Test
    void aNamedCookieIsReadFromPlainHeadersAndFromJerseysParserOnlyWhenAHeaderNeedsIt() {
        java.util.concurrent.atomic.AtomicInteger parsed = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.Supplier<Map<String, Cookie>> jersey = () -> {
            parsed.incrementAndGet();
            return Map.of(SessionCookies.LOGIN, new Cookie.Builder(SessionCookies.LOGIN).value("from-jersey").build());
        };

        assertThat(SessionCookies.presented(List.of("a=b; " + SessionCookies.LOGIN + "=first", SessionCookies.LOGIN + "=second; c=d"),
                SessionCookies.LOGIN, jersey)).contains("second");
        assertThat(SessionCookies.presented(List.of("a=b"), SessionCookies.LOGIN, jersey)).isEmpty();
        assertThat(SessionCookies.presented(List.of(), SessionCookies.LOGIN, jersey)).isEmpty();
        assertThat(SessionCookies.presented(null, SessionCookies.LOGIN, jersey)).isEmpty();
        assertThat(SessionCookies.presented(List.of(SessionCookies.LOGIN + "=" + "x".repeat(513)), SessionCookies.LOGIN, jersey))
                .as("longer than any value of ours").isEmpty();
        assertThat(parsed).hasValue(0);

        assertThat(SessionCookies.presented(List.of(SessionCookies.LOGIN + "=\"quoted\""), SessionCookies.LOGIN, jersey))
                .contains("from-jersey");
        assertThat(parsed).hasValue(1);
    }
}
