package org.personalshopper.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.fakes.FakeClock;
import org.personalshopper.application.fakes.FakeIdentityProvider;
import org.personalshopper.application.fakes.InMemoryTokenRepository;
import org.personalshopper.application.fakes.InMemoryTransactions;
import org.personalshopper.application.port.in.ProviderConnectionUnavailableException;
import org.personalshopper.application.port.in.ProviderFailedException;
import org.personalshopper.application.port.in.ConnectionStatus;
import org.personalshopper.application.port.in.SignInRequiredException;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.application.port.out.ShopperTokens;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.ProviderFailure;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.TokenSet;

class FreshAccessTokensTest {
    private static final Duration THIRTY_MINUTES = Duration.ofMinutes(30);

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryTokenRepository tokens = new InMemoryTokenRepository(transactions);
    private final FakeClock clock = new FakeClock();
    private final FakeIdentityProvider grocer = new FakeIdentityProvider();
    private final FreshAccessTokens refresh = new FreshAccessTokens(grocer, tokens, transactions, clock);
    private final ShopperId shopper = ShopperId.random();
    private final ExecutorService pool = Executors.newFixedThreadPool(50);
    private TokenSet original;

    @BeforeEach
    void signedInThirtyMinuteTokens() {
        original = grocer.issueTokens(clock.now(), THIRTY_MINUTES);
        tokens.seed(shopper, original);
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    private TokenSet stored() {
        return tokens.find(shopper).orElseThrow().tokens();
    }

    @Test
    void aTokenFarFromExpiryIsHandedOutWithoutAskingTheGrocer() {
        clock.advance(Duration.ofMinutes(20));
        assertThat(refresh.freshAccessToken(shopper)).isEqualTo(original.accessToken());
        assertThat(grocer.refreshCalls()).isZero();
        assertThat(transactions.started()).isZero();
    }

    @Test
    void aShopperWithoutTokensOrWithRefusedTokensMustSignIn() {
        assertThatThrownBy(() -> refresh.freshAccessToken(ShopperId.random())).isInstanceOf(SignInRequiredException.class);

        tokens.markUnusable(shopper);
        assertThatThrownBy(() -> refresh.freshAccessToken(shopper)).isInstanceOf(SignInRequiredException.class);
        assertThat(grocer.refreshCalls()).isZero();
    }

    @Test
    void anExpiredTokenIsRefreshedAndTheRotatedTokensAreStoredTogether() {
        clock.advance(THIRTY_MINUTES);

        AccessToken fresh = refresh.freshAccessToken(shopper);

        assertThat(fresh).isNotEqualTo(original.accessToken()).isEqualTo(grocer.lastIssuedAccessToken());
        TokenSet now = stored();
        assertThat(now.accessToken()).isEqualTo(fresh);
        assertThat(now.refreshToken()).isNotEqualTo(original.refreshToken());
        assertThat(now.issuedAt()).isEqualTo(clock.now());
        assertThat(now.accessTokenExpiresAt()).isEqualTo(clock.now().plus(THIRTY_MINUTES));
        assertThat(tokens.saves()).isEqualTo(1);
    }

    @Test
    void aRotatedRefreshTokenIsNeverSentAgain() {
        clock.advance(THIRTY_MINUTES);
        refresh.freshAccessToken(shopper);
        clock.advance(THIRTY_MINUTES);
        refresh.freshAccessToken(shopper);
        clock.advance(THIRTY_MINUTES);
        refresh.freshAccessToken(shopper);

        List<String> sent = grocer.refreshTokensSent();
        assertThat(sent).hasSize(3).doesNotHaveDuplicates().startsWith(original.refreshToken());
        assertThat(grocer.isLive(stored().refreshToken())).isTrue();
        assertThat(refresh.status(shopper).connected()).isTrue();
    }

    @Test
    void aGrocerThatDoesNotRotateLeavesTheOldRefreshTokenInForce() {
        grocer.rotateRefreshTokens(false);
        clock.advance(THIRTY_MINUTES);

        AccessToken fresh = refresh.freshAccessToken(shopper);

        assertThat(stored().accessToken()).isEqualTo(fresh);
        assertThat(stored().refreshToken()).isEqualTo(original.refreshToken());
    }

    @Test
    void refreshesProactivelyWithinTheSkewBeforeExpiry() {
        clock.advance(THIRTY_MINUTES.minusSeconds(61));
        assertThat(refresh.freshAccessToken(shopper)).isEqualTo(original.accessToken());
        assertThat(grocer.refreshCalls()).isZero();

        clock.advance(Duration.ofSeconds(1)); // 60 s before expiry
        assertThat(refresh.freshAccessToken(shopper)).isNotEqualTo(original.accessToken());
        assertThat(grocer.refreshCalls()).isEqualTo(1);
    }

    @Test
    void theSkewShrinksToATenthOfAShortLifetimeSoShortTokensAreNotRefreshedOnEveryCall() {
        TokenSet shortLived = grocer.issueTokens(clock.now(), Duration.ofMinutes(5)); // a tenth: 30 s
        tokens.seed(shopper, shortLived);

        clock.advance(Duration.ofMinutes(5).minusSeconds(45));
        assertThat(refresh.freshAccessToken(shopper)).isEqualTo(shortLived.accessToken());
        assertThat(grocer.refreshCalls()).isZero();

        clock.advance(Duration.ofSeconds(15)); // 30 s before expiry
        refresh.freshAccessToken(shopper);
        assertThat(grocer.refreshCalls()).isEqualTo(1);
    }

    @Test
    void fiftyConcurrentCallersOnAnExpiredTokenCauseExactlyOneRefreshAndAllGetTheNewToken() throws Exception {
        clock.advance(THIRTY_MINUTES);
        int callers = 50;
        CountDownLatch allCalling = new CountDownLatch(callers);
        grocer.holdRefreshesUntil(allCalling);

        List<Future<AccessToken>> results = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            results.add(pool.submit(() -> {
                allCalling.countDown();
                return refresh.freshAccessToken(shopper);
            }));
        }
        List<AccessToken> handedOut = new ArrayList<>();
        for (Future<AccessToken> result : results) {
            handedOut.add(result.get(30, TimeUnit.SECONDS));
        }

        assertThat(grocer.refreshCalls()).isEqualTo(1);
        assertThat(handedOut).hasSize(callers).containsOnly(stored().accessToken());
        assertThat(stored().accessToken()).isNotEqualTo(original.accessToken());
        // Waiting threads queue in memory, not on database connections.
        assertThat(transactions.mostOpenAtOnce()).isEqualTo(1);
        assertThat(refresh.shoppersRefreshing()).isZero();
    }

    @Test
    void twoInstancesSharingTheDatabaseRefreshOnceBetweenThem() throws Exception {
        FreshAccessTokens otherInstance = new FreshAccessTokens(grocer, tokens, transactions, clock);
        clock.advance(THIRTY_MINUTES);
        int callers = 40;
        CountDownLatch allCalling = new CountDownLatch(callers);
        grocer.holdRefreshesUntil(allCalling);

        List<Future<AccessToken>> results = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            FreshAccessTokens instance = i % 2 == 0 ? refresh : otherInstance;
            results.add(pool.submit(() -> {
                allCalling.countDown();
                return instance.freshAccessToken(shopper);
            }));
        }
        for (Future<AccessToken> result : results) {
            assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(stored().accessToken());
        }
        assertThat(grocer.refreshCalls()).isEqualTo(1);
        assertThat(grocer.refreshTokensSent()).containsExactly(original.refreshToken());
    }

    @Test
    void aRefusedRefreshTokenIsMarkedUnusableDurablyAndTheShopperMustSignIn() {
        clock.advance(THIRTY_MINUTES);
        grocer.failNextRefresh(new ProviderException(ProviderFailure.REJECTED, "invalid refresh_token"));

        assertThatThrownBy(() -> refresh.freshAccessToken(shopper)).isInstanceOf(SignInRequiredException.class);

        ShopperTokens after = tokens.find(shopper).orElseThrow();
        assertThat(after.usable()).isFalse();
        assertThat(after.tokens()).isEqualTo(original);
        InMemoryTransactions.Write mark = transactions.writes().stream()
                .filter(w -> w.what().equals("tokens.markUnusable")).findFirst().orElseThrow();
        assertThat(transactions.wasCommitted(mark.transaction().getAsInt())).isTrue();
        assertThat(refresh.status(shopper)).isEqualTo(new ConnectionStatus(false, Optional.empty()));

        assertThatThrownBy(() -> refresh.freshAccessToken(shopper)).isInstanceOf(SignInRequiredException.class);
        assertThat(grocer.refreshCalls()).isEqualTo(1);
    }

    @Test
    void aGrocerOutageDuringRefreshLeavesTheTokensAloneAndTheNextCallTriesAgain() {
        clock.advance(THIRTY_MINUTES);
        grocer.failNextRefresh(new ProviderException(ProviderFailure.UNAVAILABLE, "503", Optional.of(Duration.ofSeconds(30)), null));
        grocer.failNextRefresh(new ProviderException(ProviderFailure.TIMED_OUT, "no answer in 10 s"));

        assertThatThrownBy(() -> refresh.freshAccessToken(shopper))
                .isInstanceOfSatisfying(ProviderConnectionUnavailableException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(30)));
        assertThatThrownBy(() -> refresh.freshAccessToken(shopper))
                .isInstanceOfSatisfying(ProviderConnectionUnavailableException.class, e -> assertThat(e.retryAfter()).isEmpty());
        assertThat(tokens.find(shopper)).contains(new ShopperTokens(shopper, original, true));
        assertThat(tokens.saves()).isZero();

        AccessToken fresh = refresh.freshAccessToken(shopper);
        assertThat(fresh).isNotEqualTo(original.accessToken());
        assertThat(grocer.refreshCalls()).isEqualTo(3);
    }

    @Test
    void aRefreshRefusingThisAppsOwnCredentialsIsAProviderFailureThatLeavesTheShoppersTokensAlone() {
        // The provider refused our client id or secret (UNAUTHORIZED at the token endpoint): our misconfiguration,
        // not an outage to wait out and not a verdict on the shopper's refresh token.
        clock.advance(THIRTY_MINUTES);
        grocer.failNextRefresh(new ProviderException(ProviderFailure.UNAUTHORIZED,
                "the provider did not accept this app's client id and secret"));

        assertThatThrownBy(() -> refresh.freshAccessToken(shopper))
                .isInstanceOfSatisfying(ProviderFailedException.class,
                        e -> assertThat(e.failure()).isEqualTo(ProviderFailure.UNAUTHORIZED));
        assertThat(tokens.find(shopper)).contains(new ShopperTokens(shopper, original, true));
        assertThat(tokens.saves()).isZero();

        assertThat(refresh.freshAccessToken(shopper)).isNotEqualTo(original.accessToken());
    }

    @Test
    void aRejectedCallGetsOneRefreshAndOneRetryWithTheNewToken() {
        List<AccessToken> used = new ArrayList<>();

        String answer = refresh.withFreshToken(shopper, token -> {
            used.add(token);
            if (used.size() == 1) {
                throw new ProviderException(ProviderFailure.UNAUTHORIZED, "invalid_token");
            }
            return "ok";
        });

        assertThat(answer).isEqualTo("ok");
        assertThat(grocer.refreshCalls()).isEqualTo(1);
        assertThat(used).hasSize(2);
        assertThat(used.get(0)).isEqualTo(original.accessToken());
        assertThat(used.get(1)).isEqualTo(stored().accessToken()).isNotEqualTo(original.accessToken());
    }

    @Test
    void aSecondRejectionIsReportedNotLoopedOn() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> refresh.withFreshToken(shopper, token -> {
            calls.incrementAndGet();
            throw new ProviderException(ProviderFailure.UNAUTHORIZED, "invalid_token");
        })).isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.failure()).isEqualTo(ProviderFailure.UNAUTHORIZED));

        assertThat(calls).hasValue(2);
        assertThat(grocer.refreshCalls()).isEqualTo(1);
    }

    @Test
    void aRejectionAfterSomeoneElseRefreshedUsesTheirTokenWithoutRefreshingAgain() {
        TokenSet byAnotherInstance = grocer.issueTokens(clock.now(), THIRTY_MINUTES);
        List<AccessToken> used = new ArrayList<>();

        refresh.withFreshToken(shopper, token -> {
            used.add(token);
            if (used.size() == 1) {
                tokens.seed(shopper, byAnotherInstance); // refreshed elsewhere while our call was under way
                throw new ProviderException(ProviderFailure.UNAUTHORIZED, "invalid_token");
            }
            return null;
        });

        assertThat(grocer.refreshCalls()).isZero();
        assertThat(used).containsExactly(original.accessToken(), byAnotherInstance.accessToken());
    }

    @Test
    void otherGrocerFailuresAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> refresh.withFreshToken(shopper, token -> {
            calls.incrementAndGet();
            throw new ProviderException(ProviderFailure.FORBIDDEN, "missing required scopes");
        })).isInstanceOf(ProviderException.class);
        assertThat(calls).hasValue(1);
        assertThat(grocer.refreshCalls()).isZero();
    }

    @Test
    void aRefusedRefreshAfterA401MeansSignInRequired() {
        grocer.failNextRefresh(new ProviderException(ProviderFailure.REJECTED, "invalid refresh_token"));
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> refresh.withFreshToken(shopper, token -> {
            calls.incrementAndGet();
            throw new ProviderException(ProviderFailure.UNAUTHORIZED, "invalid_token");
        })).isInstanceOf(SignInRequiredException.class);
        assertThat(calls).hasValue(1);
        assertThat(tokens.find(shopper).orElseThrow().usable()).isFalse();
    }

    @Test
    void statusSaysWhetherTheConnectionWorksAndUntilWhen() {
        assertThat(refresh.status(shopper)).isEqualTo(new ConnectionStatus(true, Optional.of(original.accessTokenExpiresAt())));
        assertThat(refresh.status(ShopperId.random())).isEqualTo(new ConnectionStatus(false, Optional.empty()));
    }

    @Test
    void aNegativeSkewIsRefused() {
        assertThatThrownBy(() -> new FreshAccessTokens(grocer, tokens, transactions, clock, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
