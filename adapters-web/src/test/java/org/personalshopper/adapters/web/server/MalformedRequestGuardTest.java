package org.personalshopper.adapters.web.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The guard's quick check lets a request target through without building a URI; a shopper's client
 * relies on it never letting through a target Jersey could not build, and on ordinary targets passing.
 */
class MalformedRequestGuardTest {
    private static final String ALPHABET = "aZ09-._~!$&'()*+,;=:@/?%#[]|<> \"{}\\^`\u00e9\u0000\u007f";

    @Test
    void everyTargetTheQuickCheckPassesIsAValidUri() {
        Random random = new Random(13);
        int passed = 0;
        for (int round = 0; round < 200_000; round++) {
            StringBuilder part = new StringBuilder();
            int length = 1 + random.nextInt(8);
            for (int i = 0; i < length; i++) {
                char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
                part.append(c == '%' && random.nextBoolean() ? "%" + "0aF9g".charAt(random.nextInt(5)) + "b" : String.valueOf(c));
            }
            String path = "/" + part;
            String query = part.toString();
            if (MalformedRequestGuard.plainTarget(path, false)) {
                passed++;
                assertThat(parses("http://localhost" + path)).as(path).isTrue();
            }
            if (MalformedRequestGuard.plainTarget(query, true)) {
                assertThat(parses("http://localhost/?" + query)).as(query).isTrue();
            }
        }
        assertThat(passed).as("the check is exercised").isGreaterThan(1_000);
    }

    @Test
    void ordinaryTargetsPassTheQuickCheck() {
        assertThat(MalformedRequestGuard.plainTarget("/api/selections", false)).isTrue();
        assertThat(MalformedRequestGuard.plainTarget("/api/selections/0b6c1f52-7b0e-4d7a-9d51-0c1a2b3c4d5e", false)).isTrue();
        assertThat(MalformedRequestGuard.plainTarget("term=milk%20whole&start=10&limit=20", true)).isTrue();
        assertThat(MalformedRequestGuard.plainTarget("code=a/b?c", true)).isTrue();
    }

    @Test
    void targetsTheQuickCheckCannotVouchForGoToTheFullCheck() {
        assertThat(MalformedRequestGuard.plainTarget("/%zz", false)).isFalse();
        assertThat(MalformedRequestGuard.plainTarget("/a%2", false)).isFalse();
        assertThat(MalformedRequestGuard.plainTarget("/a|b", false)).isFalse();
        assertThat(MalformedRequestGuard.plainTarget("/<script>", false)).isFalse();
        assertThat(MalformedRequestGuard.plainTarget("/a?b", false)).isFalse();
        assertThat(MalformedRequestGuard.plainTarget("/caf\u00e9", false)).isFalse();
    }

    private static boolean parses(String uri) {
        try {
            new URI(uri);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
