package org.personalshopper.sandbox.kroger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Faults a test arms so that the next calls to a path misbehave the way Kroger sometimes does: answer 500/503 (or
 * any 4xx/5xx) with Kroger's error body, and/or answer late. Each fault serves a fixed number of calls, then
 * disarms itself. Thread-safe.
 */
public final class SandboxFaults {

    /**
     * One armed fault.
     *
     * @param pathPrefix calls whose path starts with it are hit, e.g. {@code /v1/products} or {@code /v1/cart/add}
     * @param remainingCalls calls it will still hit
     * @param status the status to answer with; empty means "answer normally, only late"
     * @param delay how long to hold the call first
     */
    public record Fault(String pathPrefix, int remainingCalls, OptionalInt status, Duration delay) {
        public Fault {
            Objects.requireNonNull(pathPrefix, "pathPrefix");
            if (!pathPrefix.startsWith("/v1/")) {
                throw new IllegalArgumentException("faults apply to Kroger paths under /v1/, was " + pathPrefix);
            }
            if (remainingCalls < 1) {
                throw new IllegalArgumentException("a fault must hit at least one call");
            }
            Objects.requireNonNull(status, "status");
            if (status.isPresent() && (status.getAsInt() < 400 || status.getAsInt() > 599)) {
                throw new IllegalArgumentException("fault status must be 4xx or 5xx, was " + status.getAsInt());
            }
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative() || delay.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalArgumentException("fault delay must be between 0 and 5 minutes");
            }
            if (status.isEmpty() && delay.isZero()) {
                throw new IllegalArgumentException("a fault needs a status, a delay or both");
            }
        }
    }

    private final List<Fault> armed = new ArrayList<>();

    /** The next {@code calls} calls under {@code pathPrefix} answer {@code status} with Kroger's error body. */
    public void failNext(String pathPrefix, int calls, int status) {
        arm(new Fault(pathPrefix, calls, OptionalInt.of(status), Duration.ZERO));
    }

    /** The next {@code calls} calls under {@code pathPrefix} are held for {@code delay}, then answered normally. */
    public void delayNext(String pathPrefix, int calls, Duration delay) {
        arm(new Fault(pathPrefix, calls, OptionalInt.empty(), delay));
    }

    public synchronized void arm(Fault fault) {
        armed.add(Objects.requireNonNull(fault, "fault"));
    }

    public synchronized void clear() {
        armed.clear();
    }

    public synchronized List<Fault> armed() {
        return List.copyOf(armed);
    }

    /** Takes one call from the first armed fault matching the path, if any. */
    synchronized Optional<Fault> takeFor(String path) {
        for (int i = 0; i < armed.size(); i++) {
            Fault fault = armed.get(i);
            if (path.startsWith(fault.pathPrefix())) {
                if (fault.remainingCalls() == 1) {
                    armed.remove(i);
                } else {
                    armed.set(i, new Fault(fault.pathPrefix(), fault.remainingCalls() - 1, fault.status(), fault.delay()));
                }
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }
}
