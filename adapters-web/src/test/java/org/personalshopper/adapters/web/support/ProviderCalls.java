package org.personalshopper.adapters.web.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Where the fakes' provider-calling use cases ran. The use-case methods that may call a provider (the real
 * services behind them do; the list is justified in docs/adr/0010-request-and-provider-threads.md) call
 * {@link #enter}: it records any that ran off the provider threads, and while {@link #stall()} is on, it
 * holds them there as a slow provider would.
 */
public final class ProviderCalls {
    public static final String PROVIDER_THREAD_PREFIX = "shopper-provider-";

    private final List<String> offProviderThreads = new CopyOnWriteArrayList<>();
    private final List<String> entered = new CopyOnWriteArrayList<>();
    private final Semaphore stalled = new Semaphore(0);
    private volatile CountDownLatch release;

    public void enter(String useCase) {
        String thread = Thread.currentThread().getName();
        entered.add(useCase);
        if (!thread.startsWith(PROVIDER_THREAD_PREFIX)) {
            offProviderThreads.add(useCase + " on " + thread);
        }
        CountDownLatch gate = release;
        if (gate != null) {
            stalled.release();
            try {
                if (!gate.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("a stalled provider call was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** From now on, every provider call waits until {@link #release()}. */
    public void stall() {
        release = new CountDownLatch(1);
    }

    /** Lets every stalled call go on, and later ones pass at once. */
    public void release() {
        CountDownLatch gate = release;
        release = null;
        if (gate != null) {
            gate.countDown();
        }
    }

    /** Waits until {@code count} calls are stalled in {@link #enter} (at most 10 s). */
    public void awaitStalled(int count) {
        try {
            if (!stalled.tryAcquire(count, 10, TimeUnit.SECONDS)) {
                throw new AssertionError("only " + stalled.availablePermits() + " of " + count + " provider calls arrived");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Use cases that may call a provider but ran on a request thread (or another one). */
    public List<String> offProviderThreads() {
        return List.copyOf(offProviderThreads);
    }

    public List<String> entered() {
        return List.copyOf(entered);
    }

    public void reset() {
        release();
        offProviderThreads.clear();
        entered.clear();
        stalled.drainPermits();
    }
}
