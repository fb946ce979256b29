package org.personalshopper.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.ProviderFailure;

/**
 * The per-provider bulkhead: a bounded number of calls in flight; the next is not sent but refused as busy
 * (after waiting at most a second for a place); a burst at a provider that keeps up is served; places are
 * always given back.
 */
class ProviderCallLimitTest {
    private final ProviderCallLimit limit = new ProviderCallLimit(new Provider("kroger"), 2);

    @Test
    void aCallBeyondTheLimitWhileTheCallsInFlightDoNotReturnIsRefusedAsBusyAndNotSent() throws Exception {
        CountDownLatch inside = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 2; i++) {
                callers.submit(() -> limit.call(() -> {
                    inside.countDown();
                    await(release);
                    return "served";
                }));
            }
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            boolean[] sent = {false};

            assertThatThrownBy(() -> limit.call(() -> sent[0] = true))
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        assertThat(e.failure()).isEqualTo(ProviderFailure.BUSY);
                        assertThat(e.failure().mayHaveTakenEffect()).isFalse();
                        assertThat(e.retryAfter()).hasValue(ProviderCallLimit.RETRY_AFTER);
                    });
            assertThat(sent[0]).isFalse();
        } finally {
            release.countDown();
            callers.shutdown();
            callers.awaitTermination(10, TimeUnit.SECONDS);
        }
        assertThat(limit.inFlight()).isZero();
    }

    @Test
    void aBurstBeyondTheLimitAtAProviderThatKeepsUpIsServed() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(10);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(callers.submit(() -> limit.call(() -> {
                    pause(20);
                    return "served";
                })));
            }
            for (Future<String> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo("served");
            }
        } finally {
            callers.shutdown();
        }
        assertThat(limit.inFlight()).isZero();
    }

    @Test
    void aFailedCallGivesItsPlaceBack() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> limit.call(() -> {
                throw new ProviderException(ProviderFailure.TIMED_OUT, "slow");
            })).isInstanceOf(ProviderException.class);
        }
        assertThat(limit.inFlight()).isZero();
        assertThat(limit.call(() -> "served")).isEqualTo("served");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
