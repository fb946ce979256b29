package org.personalshopper.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionTest {
    private static final Instant START = Instant.parse("2026-11-22T12:00:00Z");
    private static final SessionPolicy POLICY = new SessionPolicy(Duration.ofHours(1), Duration.ofHours(8));
    private static final SecretHash HASH = SecretHash.of("session-id");
    private final ShopperId shopper = ShopperId.random();

    @Test
    void aSessionExpiresAfterTheIdleTimeoutWithoutUse() {
        Session session = new Session(HASH, shopper, START, START);
        assertThat(session.expiresAt(POLICY)).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(session.isExpired(START.plus(Duration.ofMinutes(59)), POLICY)).isFalse();
        assertThat(session.isExpired(START.plus(Duration.ofHours(1)), POLICY)).isTrue();
    }

    @Test
    void useMovesTheIdleDeadlineButNeverPastTheAbsoluteOne() {
        Session usedLate = new Session(HASH, shopper, START, START.plus(Duration.ofMinutes(7 * 60 + 30)));
        assertThat(usedLate.expiresAt(POLICY)).isEqualTo(START.plus(Duration.ofHours(8)));
        assertThat(usedLate.isExpired(START.plus(Duration.ofHours(8)).minusSeconds(1), POLICY)).isFalse();
        assertThat(usedLate.isExpired(START.plus(Duration.ofHours(8)), POLICY)).isTrue();

        Session usedEarly = new Session(HASH, shopper, START, START.plus(Duration.ofHours(2)));
        assertThat(usedEarly.expiresAt(POLICY)).isEqualTo(START.plus(Duration.ofHours(3)));
    }

    @Test
    void aSessionIsWrittenBackOnlyOncePerTouchInterval() {
        Session session = new Session(HASH, shopper, START, START);
        Duration interval = Duration.ofMinutes(5);
        assertThat(session.shouldTouch(START, interval)).isFalse();
        assertThat(session.shouldTouch(START.plus(interval).minusMillis(1), interval)).isFalse();
        assertThat(session.shouldTouch(START.plus(interval), interval)).isTrue();
    }

    @Test
    void aSessionCannotBeUsedBeforeItWasCreated() {
        assertThatThrownBy(() -> new Session(HASH, shopper, START, START.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePolicyNeedsAPositiveIdleTimeoutNoLongerThanTheAbsoluteOne() {
        assertThatThrownBy(() -> new SessionPolicy(Duration.ZERO, Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SessionPolicy(Duration.ofHours(-1), Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SessionPolicy(Duration.ofHours(2), Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new SessionPolicy(Duration.ofHours(1), Duration.ofHours(1)).idleTimeout()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theTouchIntervalIsAHundredthOfTheIdleTimeoutAtMostOneHour() {
        assertThat(POLICY.touchInterval()).isEqualTo(Duration.ofSeconds(36));
        assertThat(SessionPolicy.DEFAULT.touchInterval()).isEqualTo(Duration.ofHours(1)); // 30 days / 100 = 7.2 h, capped
        assertThat(SessionPolicy.DEFAULT.idleTimeout()).isEqualTo(Duration.ofDays(30));
        assertThat(SessionPolicy.DEFAULT.absoluteTimeout()).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void secretHashesAreSha256HexAndCompareByValue() {
        // SHA-256("abc"), a published test vector.
        assertThat(SecretHash.of("abc").hex()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(SecretHash.of("abc").sameAs(SecretHash.of("abc"))).isTrue();
        assertThat(SecretHash.of("abc").sameAs(SecretHash.of("abd"))).isFalse();
        assertThatThrownBy(() -> new SecretHash("ABC")).isInstanceOf(InvalidValueException.class);
    }
}
