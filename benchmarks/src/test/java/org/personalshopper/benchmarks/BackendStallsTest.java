package org.personalshopper.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The stall counting the benchmark prints beside each run's p99: what counts as a stall and what does not. */
class BackendStallsTest {
    private static final long MS = 1_000_000;
    private static final long TICK = 10 * MS;

    /** Feeds one backend's samples: per interval, how long it ran and how long it waited runnable. */
    private static BackendStalls.Seen backend(long[]... ranAndWaited) {
        BackendStalls.Counter counter = new BackendStalls.Counter();
        long run = 0;
        long wait = 0;
        counter.sample(7, run, wait, TICK);
        for (long[] interval : ranAndWaited) {
            run += interval[0];
            wait += interval[1];
            counter.sample(7, run, wait, TICK);
        }
        return counter.seen();
    }

    private static long[] ran(long ms) {
        return new long[] {ms * MS, 0};
    }

    private static long[] waited(long ms) {
        return new long[] {0, ms * MS};
    }

    @Test
    void aBackendKeptWaitingForSixIntervalsInARowIsOneStallOfSixtyMilliseconds() {
        BackendStalls.Seen seen = backend(ran(3), waited(10), waited(10), waited(10), waited(10), waited(10), waited(10), ran(5));

        assertThat(seen).isEqualTo(new BackendStalls.Seen(1, 60));
    }

    @Test
    void waitsShorterThanFiftyMillisecondsAreTheOrdinarySharingOfTwoCpusAndAreNotCounted() {
        BackendStalls.Seen seen = backend(waited(10), waited(10), waited(10), waited(10), ran(4), waited(10), waited(10), ran(1));

        assertThat(seen).isEqualTo(BackendStalls.Seen.NONE);
    }

    @Test
    void anIntervalInWhichTheBackendRanEndsTheStall() {
        long[] ranAndWaited = {3 * MS, 9 * MS};
        BackendStalls.Seen seen = backend(waited(10), waited(10), waited(10), ranAndWaited, waited(10), waited(10), waited(10));

        assertThat(seen).isEqualTo(BackendStalls.Seen.NONE);
    }

    @Test
    void anIdleBackendWaitingForItsNextQueryIsNotStalled() {
        BackendStalls.Seen seen = backend(new long[10][2]);

        assertThat(seen).isEqualTo(BackendStalls.Seen.NONE);
    }

    @Test
    void aStallStillUnderWayWhenTheRunEndsIsCounted() {
        BackendStalls.Seen seen = backend(ran(1), waited(10), waited(10), waited(10), waited(10), waited(10));

        assertThat(seen).isEqualTo(new BackendStalls.Seen(1, 50));
    }

    @Test
    void stallsOfSeveralBackendsAndRunsAddUpAndKeepTheLongest() {
        BackendStalls.Counter counter = new BackendStalls.Counter();
        for (int pid : new int[] {1, 2}) {
            counter.sample(pid, 0, 0, TICK);
        }
        for (int i = 1; i <= 8; i++) {
            counter.sample(1, 0, i * TICK, TICK);
            counter.sample(2, 0, Math.min(i, 5) * TICK, TICK);
        }

        BackendStalls.Seen seen = counter.seen().plus(new BackendStalls.Seen(1, 300));

        assertThat(seen).isEqualTo(new BackendStalls.Seen(3, 300));
    }
}
