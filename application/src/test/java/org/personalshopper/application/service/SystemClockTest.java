package org.personalshopper.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SystemClockTest {
    @Test
    void theClockKeepsMicrosecondsAsPostgresDoes() {
        Instant withNanos = Instant.parse("2026-11-22T12:00:00.123456789Z");
        SystemClock clock = new SystemClock(java.time.Clock.fixed(withNanos, ZoneOffset.UTC));
        assertThat(clock.now()).isEqualTo(Instant.parse("2026-11-22T12:00:00.123456Z"));
        assertThat(new SystemClock().now().getNano() % 1000).isZero();
    }
}
