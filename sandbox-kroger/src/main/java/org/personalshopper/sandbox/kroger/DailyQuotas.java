package org.personalshopper.sandbox.kroger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Kroger's daily quota per API: the window opens with the first call and closes 24 hours later; past the quota
 * every call is refused until the window closes. Thread-safe.
 */
final class DailyQuotas {

    static final Duration WINDOW = Duration.ofHours(24);

    /** Calls counted in the current window of one API. */
    record Usage(KrogerApi api, long calls, int quota, Optional<Instant> windowEndsAt) {
    }

    private final SandboxQuotas quotas;
    private final Clock clock;
    private final Map<KrogerApi, Long> calls = new EnumMap<>(KrogerApi.class);
    private final Map<KrogerApi, Instant> windowEnds = new EnumMap<>(KrogerApi.class);

    DailyQuotas(SandboxQuotas quotas, Clock clock) {
        this.quotas = quotas;
        this.clock = clock;
    }

    /** Counts a call; empty when it is within the quota, else how long until the window resets. */
    synchronized Optional<Duration> count(KrogerApi api) {
        Instant now = clock.instant();
        Instant end = windowEnds.get(api);
        if (end == null || !now.isBefore(end)) {
            windowEnds.put(api, now.plus(WINDOW));
            calls.put(api, 0L);
        }
        long count = calls.merge(api, 1L, Long::sum);
        if (count > quotas.limitFor(api)) {
            return Optional.of(Duration.between(now, windowEnds.get(api)));
        }
        return Optional.empty();
    }

    synchronized Usage usage(KrogerApi api) {
        Instant end = windowEnds.get(api);
        boolean open = end != null && clock.instant().isBefore(end);
        return new Usage(api, open ? calls.get(api) : 0, quotas.limitFor(api), open ? Optional.of(end) : Optional.empty());
    }
}
