package org.personalshopper.adapters.web.server;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.jersey.server.ManagedAsyncExecutor;
import org.glassfish.jersey.spi.ExecutorServiceProvider;
import org.personalshopper.adapters.web.problem.ProviderThreadsBusyException;

/**
 * The bounded pool for work that waits: resource methods that may call a provider ({@code @ManagedAsync})
 * and requests whose body has not fully arrived. Grizzly's own workers (the request threads) stay few and
 * busy with work the CPUs do. When every thread is taken and the queue is full, the work is refused before
 * it starts ({@link ProviderThreadsBusyException}: 503 provider-busy with Retry-After). Work handed over
 * from one of these threads runs on it at once: it already is where waiting is allowed, and a full pool
 * cannot then refuse the second half of a request it started. See docs/adr/0010-request-and-provider-threads.md.
 */
public final class ProviderThreads {
    /** How long a refused caller is told to wait: a provider call usually ends well within it. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    /** Work that may wait for a thread, per thread; beyond it, 503. */
    static final int QUEUED_PER_THREAD = 1;
    static final String NAME = "shopper-provider";

    private final Pool pool;

    public ProviderThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive");
        }
        this.pool = new Pool(threads);
    }

    /** The pool, for Jersey's {@code @ManagedAsync} methods and for Grizzly. */
    public ExecutorService executor() {
        return pool;
    }

    /** True on one of this pool's threads. */
    boolean isCurrentThread() {
        return Thread.currentThread() instanceof PoolThread thread && thread.owner == pool;
    }

    /** Jersey's executor for {@code @ManagedAsync} resource methods: this pool. Registered by {@link ShopperHttpServer}. */
    ExecutorServiceProvider forJersey() {
        return new JerseyExecutor(pool);
    }

    /** Lets queued work finish; no new work is taken. */
    void shutdown() {
        pool.shutdown();
    }

    @ManagedAsyncExecutor
    private static final class JerseyExecutor implements ExecutorServiceProvider {
        private final ExecutorService pool;

        JerseyExecutor(ExecutorService pool) {
            this.pool = pool;
        }

        @Override
        public ExecutorService getExecutorService() {
            return pool;
        }

        @Override
        public void dispose(ExecutorService executorService) {
            // owned by the HTTP server (MalformedRequestGuard.destroy), which stops it after Jersey
        }
    }

    private static final class PoolThread extends Thread {
        private final Pool owner;

        PoolThread(Pool owner, Runnable task, String name) {
            super(task, name);
            this.owner = owner;
        }
    }

    private static final class Pool extends ThreadPoolExecutor {
        private final AtomicInteger numbers = new AtomicInteger();

        Pool(int threads) {
            super(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(threads * QUEUED_PER_THREAD));
            allowCoreThreadTimeOut(true); // an idle service keeps no waiting threads
            setThreadFactory(task -> {
                PoolThread thread = new PoolThread(this, task, NAME + "-" + numbers.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            setRejectedExecutionHandler((task, executor) -> {
                throw new ProviderThreadsBusyException(threads, RETRY_AFTER);
            });
        }

        @Override
        public void execute(Runnable command) {
            if (Thread.currentThread() instanceof PoolThread thread && thread.owner == this) {
                command.run();
            } else {
                super.execute(command);
            }
        }
    }
}
