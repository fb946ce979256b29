package org.personalshopper.adapters.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.personalshopper.application.port.out.SessionRepository;
import org.personalshopper.domain.SecretHash;
import org.personalshopper.domain.Session;
import org.personalshopper.domain.ShopperId;

/**
 * The stored sessions, with the ones just read kept in memory for {@code lifetime} (ADR 12): a signed-in
 * shopper's requests then cost one database round trip instead of two. Kept true by the database: every change
 * to a stored session, made by this instance or any other, is announced by a trigger on the
 * {@value #CHANGES_CHANNEL} channel and {@link SessionChangeListener} makes this forget that session. While the
 * listener is not listening (not yet connected, connection lost) nothing is remembered and every read goes to
 * the database, so a missed announcement can never leave an ended session usable.
 *
 * <p>What this instance ends itself it forgets at once, without waiting for the announcement. A read that was
 * under way while anything was forgotten is not remembered: it may have seen the row before the change.
 */
final class RememberedSessions implements SessionRepository {
    static final String CHANGES_CHANNEL = "shopper_session_changed";
    /** Sessions remembered at most: a bound on memory whatever the traffic; past it, reads just go to the database. */
    static final int DEFAULT_CAPACITY = 10_000;

    private final SessionRepository stored;
    private final long lifetimeNanos;
    private final int capacity;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Remembered> byHash = new ConcurrentHashMap<>();
    /** Moves on every forgetting (and when listening starts or stops): a read spanning a move is not remembered. */
    private final AtomicLong forgettings = new AtomicLong();
    private volatile boolean listening;

    private record Remembered(Session session, long readAtNanos) {
    }

    RememberedSessions(SessionRepository stored, Duration lifetime, int capacity, LongSupplier nanoTime) {
        this.stored = Objects.requireNonNull(stored, "stored");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("a remembered session needs a positive lifetime");
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.lifetimeNanos = lifetime.toNanos();
        this.capacity = capacity;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    @Override
    public Optional<Session> find(SecretHash idHash) {
        String key = idHash.hex();
        if (listening) {
            Remembered remembered = byHash.get(key);
            if (remembered != null && nanoTime.getAsLong() - remembered.readAtNanos() < lifetimeNanos) {
                return Optional.of(remembered.session());
            }
        }
        long before = forgettings.get();
        long readAt = nanoTime.getAsLong();
        Optional<Session> found = stored.find(idHash);
        if (found.isPresent() && listening && forgettings.get() == before && roomFor(key, readAt)) {
            byHash.put(key, new Remembered(found.get(), readAt));
            // Forgotten meanwhile (after the check above): the entry may predate the change, so it goes.
            if (forgettings.get() != before) {
                byHash.remove(key);
            }
        }
        return found;
    }

    @Override
    public void touch(SecretHash idHash, Instant usedAt) {
        stored.touch(idHash, usedAt);
        forget(idHash.hex());
    }

    @Override
    public void delete(SecretHash idHash) {
        stored.delete(idHash);
        forget(idHash.hex());
    }

    @Override
    public int deleteAll(ShopperId shopperId) {
        int ended = stored.deleteAll(shopperId);
        forgetShopper(shopperId);
        return ended;
    }

    @Override
    public void create(Session session) {
        stored.create(session);
    }

    @Override
    public int createKeepingNewest(Session session, int keep) {
        int ended = stored.createKeepingNewest(session, keep);
        if (ended > 0) {
            forgetShopper(session.shopperId());
        }
        return ended;
    }

    @Override
    public int deleteExpired(Instant idleCutoff, Instant absoluteCutoff) {
        // Expired sessions are refused from memory as from the table (the caller checks expiry); the
        // announcements of their deletion clear them out of memory.
        return stored.deleteExpired(idleCutoff, absoluteCutoff);
    }

    /** A stored session changed or ended (the announcement's payload: the hash as stored). */
    void forget(String idHashHex) {
        forgettings.incrementAndGet();
        byHash.remove(idHashHex);
    }

    /**
     * Every remembered session of the shopper: for changes made here that end sessions the caller cannot name
     * (the cap at sign-in, a deleted shopper), so this instance does not wait for their announcements.
     */
    void forgetShopper(ShopperId shopperId) {
        forgettings.incrementAndGet();
        byHash.values().removeIf(remembered -> remembered.session().shopperId().equals(shopperId));
    }

    /** Announcements now arrive: from here on sessions may be remembered. */
    void listening() {
        forgetEverything();
        listening = true;
    }

    /** Announcements may be missed from here on: nothing is remembered, and what was is dropped. */
    void notListening() {
        listening = false;
        forgetEverything();
    }

    boolean isListening() {
        return listening;
    }

    int size() {
        return byHash.size();
    }

    private void forgetEverything() {
        forgettings.incrementAndGet();
        byHash.clear();
    }

    /** Room for one more; when full, what has outlived its lifetime is dropped first. */
    private boolean roomFor(String key, long now) {
        if (byHash.size() < capacity || byHash.containsKey(key)) {
            return true;
        }
        byHash.values().removeIf(remembered -> now - remembered.readAtNanos() >= lifetimeNanos);
        return byHash.size() < capacity;
    }
}
