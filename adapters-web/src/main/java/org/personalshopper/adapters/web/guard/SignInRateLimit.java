package org.personalshopper.adapters.web.guard;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * How many sign-ins may start per minute: at most {@code perClient} from one client address and at most
 * {@code total} from everyone, in fixed one-minute windows. Memory stays bounded: a client is tracked only
 * once the total admitted it, so the map never holds more than {@code total} addresses, and it is emptied
 * when the window turns.
 */
public final class SignInRateLimit {
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final int perClient;
    private final int total;
    private final LongSupplier nanoTime;
    private final Map<String, Integer> byClient = new HashMap<>();
    private long windowStart;
    private int admitted;

    public SignInRateLimit(int perClient, int total, LongSupplier nanoTime) {
        if (perClient < 1 || total < perClient) {
            throw new IllegalArgumentException("need 1 <= per-client limit <= total limit");
        }
        this.perClient = perClient;
        this.total = total;
        this.nanoTime = nanoTime;
        this.windowStart = nanoTime.getAsLong();
    }

    public SignInRateLimit(int perClient, int total) {
        this(perClient, total, System::nanoTime);
    }

    /** Empty when this client may start a sign-in now (and counts it); else how long until it may. */
    public synchronized Optional<Duration> admit(String client) {
        long now = nanoTime.getAsLong();
        if (now - windowStart >= WINDOW.toNanos()) {
            windowStart = now;
            admitted = 0;
            byClient.clear();
        }
        Duration untilNextWindow = Duration.ofNanos(WINDOW.toNanos() - (now - windowStart));
        int used = byClient.getOrDefault(client, 0);
        if (used >= perClient || admitted >= total) {
            return Optional.of(untilNextWindow);
        }
        byClient.put(client, used + 1);
        admitted++;
        return Optional.empty();
    }
}
