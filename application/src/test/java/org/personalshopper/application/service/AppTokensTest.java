package org.personalshopper.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.fakes.FakeClock;
import org.personalshopper.application.fakes.FakeIdentityProvider;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.ProviderFailure;

class AppTokensTest {
    private final FakeClock clock = new FakeClock();
    private final FakeIdentityProvider grocer = new FakeIdentityProvider();
    private final AppTokens appTokens = new AppTokens(grocer, clock);
    private final ExecutorService pool = Executors.newFixedThreadPool(20);

    @AfterEach
    void stopThreads() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void theTokenIsFetchedOnceAndReusedWhileValid() {
        AccessToken first = appTokens.current();
        clock.advance(Duration.ofMinutes(20));
        assertThat(appTokens.current()).isEqualTo(first);
        assertThat(grocer.appTokenCalls()).isEqualTo(1);
    }

    @Test
    void aNewTokenIsFetchedSixtySecondsBeforeExpiry() {
        AccessToken first = appTokens.current();
        clock.advance(Duration.ofMinutes(30).minusSeconds(61));
        assertThat(appTokens.current()).isEqualTo(first);

        clock.advance(Duration.ofSeconds(1));
        assertThat(appTokens.current()).isNotEqualTo(first);
        assertThat(grocer.appTokenCalls()).isEqualTo(2);
    }

    @Test
    void theMarginShrinksForShortLivedTokens() {
        grocer.appTokensLast(Duration.ofSeconds(100)); // margin: a tenth, 10 s
        AccessToken first = appTokens.current();
        clock.advance(Duration.ofSeconds(89));
        assertThat(appTokens.current()).isEqualTo(first);

        clock.advance(Duration.ofSeconds(1));
        assertThat(appTokens.current()).isNotEqualTo(first);
    }

    @Test
    void manyThreadsAskingAtOnceCauseOneGrocerCall() throws Exception {
        int callers = 20;
        CountDownLatch allAsking = new CountDownLatch(callers);
        grocer.holdAppTokensUntil(allAsking);

        List<Future<AccessToken>> results = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            results.add(pool.submit(() -> {
                allAsking.countDown();
                return appTokens.current();
            }));
        }
        List<AccessToken> tokens = new ArrayList<>();
        for (Future<AccessToken> result : results) {
            tokens.add(result.get(30, TimeUnit.SECONDS));
        }
        assertThat(grocer.appTokenCalls()).isEqualTo(1);
        assertThat(tokens).containsOnly(grocer.lastIssuedAccessToken());
    }

    @Test
    void aFailedFetchIsReportedWithItsFailureAndTheNextCallTriesAgain() {
        grocer.failNextAppToken(new ProviderException(ProviderFailure.UNAVAILABLE, "503"));
        assertThatThrownBy(appTokens::current)
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.failure()).isEqualTo(ProviderFailure.UNAVAILABLE));

        assertThat(appTokens.current()).isEqualTo(grocer.lastIssuedAccessToken());
        assertThat(grocer.appTokenCalls()).isEqualTo(2);
    }

    @Test
    void aRejectedAppTokenIsDroppedAndTheCallRetriedOnceWithANewOne() {
        AccessToken cached = appTokens.current();
        List<AccessToken> used = new ArrayList<>();

        String answer = appTokens.withAppToken(token -> {
            used.add(token);
            if (used.size() == 1) {
                throw new ProviderException(ProviderFailure.UNAUTHORIZED, "invalid_token");
            }
            return "ok";
        });

        assertThat(answer).isEqualTo("ok");
        assertThat(used.get(0)).isEqualTo(cached);
        assertThat(used.get(1)).isNotEqualTo(cached);
        assertThat(grocer.appTokenCalls()).isEqualTo(2);
    }

    @Test
    void aSecondRejectionOfTheAppTokenIsReported() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> appTokens.withAppToken(token -> {
            calls.incrementAndGet();
            throw new ProviderException(ProviderFailure.UNAUTHORIZED, "invalid_token");
        })).isInstanceOf(ProviderException.class);
        assertThat(calls).hasValue(2);
    }

    @Test
    void discardingAnOlderTokenKeepsTheNewerOne() {
        AccessToken first = appTokens.current();
        appTokens.discard(first);
        AccessToken second = appTokens.current();
        appTokens.discard(first);
        assertThat(appTokens.current()).isEqualTo(second);
        assertThat(grocer.appTokenCalls()).isEqualTo(2);
    }
}
