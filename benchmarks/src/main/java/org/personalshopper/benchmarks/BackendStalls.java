package org.personalshopper.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Watches the PostgreSQL backends serving one app during a run for stalls: stretches in which a backend was
 * runnable but the kernel did not run it, so the request waiting on its answer waited that long. Read from
 * {@code /proc/PID/schedstat} (run time and run-queue wait, in ns) every {@link #SAMPLE_MILLIS} ms: a sample in
 * which the wait grew by most of the interval while the backend hardly ran extends a stall; a stall of
 * {@link #STALL_MILLIS} ms or more is counted when it ends.
 *
 * <p>Why: with the kernel's autogroup scheduling on, every PostgreSQL backend is a scheduling group of its own
 * (postgres gives each backend a session of its own), and this machine's kernel then left backends waiting
 * 60-480 ms at a time while the apps and wrk ran; the p99 of such a round measures that, not the app
 * (docs/benchmarks.md, "Seventh round").
 */
final class BackendStalls {
    static final long SAMPLE_MILLIS = 10;
    static final long STALL_MILLIS = 50;

    /** What one run saw: stalls of at least {@link #STALL_MILLIS} ms, and the longest. */
    record Seen(int stalls, long longestMillis) {
        static final Seen NONE = new Seen(0, 0);

        Seen plus(Seen other) {
            return new Seen(stalls + other.stalls, Math.max(longestMillis, other.longestMillis));
        }
    }

    /** The counting, apart from /proc, so that it can be tested with made-up samples. */
    static final class Counter {
        private final Map<Integer, long[]> last = new HashMap<>();
        private final Map<Integer, Long> stalledNanos = new HashMap<>();
        private int stalls;
        private long longestNanos;

        /**
         * One sample of one backend: its cumulative run time and run-queue wait, {@code intervalNanos} after the
         * previous sample of all backends.
         */
        void sample(int pid, long runNanos, long waitNanos, long intervalNanos) {
            long[] previous = last.put(pid, new long[] {runNanos, waitNanos});
            if (previous == null) {
                return;
            }
            long ran = runNanos - previous[0];
            long waited = waitNanos - previous[1];
            // Most of the interval runnable and under 2 ms of it run: a stretch the kernel kept it waiting.
            if (waited >= intervalNanos * 8 / 10 && ran < TimeUnit.MILLISECONDS.toNanos(2)) {
                stalledNanos.merge(pid, waited, Long::sum);
            } else {
                end(pid);
            }
        }

        private void end(int pid) {
            Long stalled = stalledNanos.remove(pid);
            if (stalled != null && stalled >= TimeUnit.MILLISECONDS.toNanos(STALL_MILLIS)) {
                stalls++;
                longestNanos = Math.max(longestNanos, stalled);
            }
        }

        Seen seen() {
            for (Integer pid : Set.copyOf(stalledNanos.keySet())) {
                end(pid);
            }
            return new Seen(stalls, TimeUnit.NANOSECONDS.toMillis(longestNanos));
        }
    }

    private final Set<Integer> backends;
    private final Counter counter = new Counter();
    private final Thread sampler;
    private volatile boolean watching = true;

    private BackendStalls(Set<Integer> backends) {
        this.backends = Set.copyOf(backends);
        this.sampler = new Thread(this::sampleUntilStopped, "backend-stalls");
        this.sampler.setDaemon(true);
    }

    /** Starts watching these backends (none: nothing to watch, e.g. PostgreSQL on another machine). */
    static BackendStalls watch(Set<Integer> backends) {
        BackendStalls watch = new BackendStalls(backends);
        if (!backends.isEmpty()) {
            watch.sampler.start();
        }
        return watch;
    }

    /** Stops and tells what was seen. */
    Seen stop() throws InterruptedException {
        watching = false;
        if (sampler.isAlive()) {
            sampler.join();
        }
        return counter.seen();
    }

    private void sampleUntilStopped() {
        long previous = System.nanoTime();
        while (watching) {
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (int pid : backends) {
                try {
                    String[] fields = Files.readString(Path.of("/proc/" + pid + "/schedstat")).trim().split(" ");
                    counter.sample(pid, Long.parseLong(fields[0]), Long.parseLong(fields[1]), now - previous);
                } catch (IOException | RuntimeException gone) {
                    // the backend ended (its connection closed): nothing more to see of it
                }
            }
            previous = now;
        }
    }
}
