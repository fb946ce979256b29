package org.personalshopper.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecureRandomTokensTest {
    @Test
    void randomTokensAre256BitUnpaddedBase64UrlAndDoNotRepeat() {
        SecureRandomTokens random = new SecureRandomTokens();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = random.urlSafe(32);
            assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
            seen.add(token);
        }
        assertThat(seen).hasSize(1000);
        assertThatThrownBy(() -> random.urlSafe(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
