package org.personalshopper.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenSetTest {
    private static final Instant ISSUED = Instant.parse("2026-11-22T12:00:00Z");
    private static final Duration SKEW = Duration.ofSeconds(60);
    private final TokenSet thirtyMinutes = TokenSet.issued(new AccessToken("access-1"), "refresh-1", ISSUED, Duration.ofMinutes(30));

    @Test
    void aTokenNeedsRefreshOnceWithinTheSkewOfExpiry() {
        Instant expiry = thirtyMinutes.accessTokenExpiresAt();
        assertThat(expiry).isEqualTo(ISSUED.plus(Duration.ofMinutes(30)));
        assertThat(thirtyMinutes.needsRefresh(ISSUED, SKEW)).isFalse();
        assertThat(thirtyMinutes.needsRefresh(expiry.minusSeconds(61), SKEW)).isFalse();
        assertThat(thirtyMinutes.needsRefresh(expiry.minusSeconds(60), SKEW)).isTrue();
        assertThat(thirtyMinutes.needsRefresh(expiry, SKEW)).isTrue();
        assertThat(thirtyMinutes.needsRefresh(expiry.plusSeconds(3600), SKEW)).isTrue();
    }

    @Test
    void theSkewIsClampedToATenthOfAShortLifetime() {
        TokenSet twoMinutes = TokenSet.issued(new AccessToken("a"), "r", ISSUED, Duration.ofMinutes(2)); // a tenth: 12 s
        Instant expiry = twoMinutes.accessTokenExpiresAt();

        assertThat(twoMinutes.needsRefresh(ISSUED, SKEW)).isFalse();
        assertThat(twoMinutes.needsRefresh(expiry.minusSeconds(13), SKEW)).isFalse();
        assertThat(twoMinutes.needsRefresh(expiry.minusSeconds(12), SKEW)).isTrue();
    }

    @Test
    void aZeroSkewRefreshesAtExpiry() {
        Instant expiry = thirtyMinutes.accessTokenExpiresAt();
        assertThat(thirtyMinutes.needsRefresh(expiry.minusMillis(1), Duration.ZERO)).isFalse();
        assertThat(thirtyMinutes.needsRefresh(expiry, Duration.ZERO)).isTrue();
    }

    @Test
    void aRefreshWithANewRefreshTokenReplacesTheWholeSet() {
        Instant later = ISSUED.plus(Duration.ofMinutes(29));
        TokenSet renewed = thirtyMinutes.refreshedWith(new AccessToken("access-2"), Optional.of("refresh-2"), later, Duration.ofMinutes(30));

        assertThat(renewed).isEqualTo(new TokenSet(new AccessToken("access-2"), "refresh-2", later, later.plus(Duration.ofMinutes(30))));
    }

    @Test
    void aRefreshWithoutANewRefreshTokenKeepsTheOldOne() {
        TokenSet renewed = thirtyMinutes.refreshedWith(new AccessToken("access-2"), Optional.empty(), ISSUED, Duration.ofMinutes(30));
        assertThat(renewed.refreshToken()).isEqualTo("refresh-1");
        assertThat(renewed.accessToken()).isEqualTo(new AccessToken("access-2"));
    }

    @Test
    void tokensNeverAppearInText() {
        assertThat(thirtyMinutes.toString()).doesNotContain("access-1").doesNotContain("refresh-1");
        assertThat(new AccessToken("secret-bearer").toString()).doesNotContain("secret-bearer");
    }

    @Test
    void aTokenCannotExpireBeforeItIsIssuedAndNeedsBothTokens() {
        assertThatThrownBy(() -> new TokenSet(new AccessToken("a"), "r", ISSUED, ISSUED.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenSet(new AccessToken("a"), " ", ISSUED, ISSUED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccessToken("")).isInstanceOf(IllegalArgumentException.class);
    }
}
