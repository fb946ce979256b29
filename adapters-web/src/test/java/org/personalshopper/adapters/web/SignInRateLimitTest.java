package org.personalshopper.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.personalshopper.adapters.web.guard.SignInRateLimit;

class SignInRateLimitTest {
    private final AtomicLong nanos = new AtomicLong(1_000);

    @Test
    void oneClientGetsItsShareAMinuteAndIsToldHowLongToWait() {
        SignInRateLimit limit = new SignInRateLimit(3, 100, nanos::get);
        for (int i = 0; i < 3; i++) {
            assertThat(limit.admit("10.0.0.1")).isEmpty();
        }
        nanos.addAndGet(Duration.ofSeconds(20).toNanos());

        assertThat(limit.admit("10.0.0.1")).hasValueSatisfying(wait -> assertThat(wait).isEqualTo(Duration.ofSeconds(40)));
        assertThat(limit.admit("10.0.0.2")).as("another client is not held back").isEmpty();

        nanos.addAndGet(Duration.ofSeconds(40).toNanos());
        assertThat(limit.admit("10.0.0.1")).as("a new minute").isEmpty();
    }

    @Test
    void everyClientTogetherIsCappedSoManyAddressesCannotAddUp() {
        SignInRateLimit limit = new SignInRateLimit(2, 5, nanos::get);
        for (int i = 0; i < 5; i++) {
            assertThat(limit.admit("10.0.1." + i)).isEmpty();
        }
        assertThat(limit.admit("10.0.1.99")).isPresent();
        assertThat(limit.admit("10.0.1.0")).isPresent();
    }
}
