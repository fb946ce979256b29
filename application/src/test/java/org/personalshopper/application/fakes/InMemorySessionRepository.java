package org.personalshopper.application.fakes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.personalshopper.application.port.out.SessionRepository;
import org.personalshopper.domain.SecretHash;
import org.personalshopper.domain.Session;
import org.personalshopper.domain.ShopperId;

public final class InMemorySessionRepository implements SessionRepository {
    private final InMemoryTransactions transactions;
    private final Map<SecretHash, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger touches = new AtomicInteger();

    public InMemorySessionRepository(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void create(Session session) {
        if (sessions.putIfAbsent(session.idHash(), session) != null) {
            throw new IllegalStateException("duplicate session id hash");
        }
        transactions.wrote("sessions.create", () -> sessions.remove(session.idHash()));
    }

    @Override
    public Optional<Session> find(SecretHash idHash) {
        return Optional.ofNullable(sessions.get(idHash));
    }

    @Override
    public void touch(SecretHash idHash, Instant usedAt) {
        Session before = sessions.get(idHash);
        if (before == null) {
            return;
        }
        // Like the database: the idle clock only moves forward.
        Instant latest = usedAt.isAfter(before.lastUsedAt()) ? usedAt : before.lastUsedAt();
        sessions.put(idHash, new Session(before.idHash(), before.shopperId(), before.createdAt(), latest));
        touches.incrementAndGet();
        transactions.wrote("sessions.touch", () -> sessions.put(idHash, before));
    }

    @Override
    public void delete(SecretHash idHash) {
        Session before = sessions.remove(idHash);
        transactions.wrote("sessions.delete", () -> {
            if (before != null) {
                sessions.put(idHash, before);
            }
        });
    }

    @Override
    public int deleteAll(ShopperId shopperId) {
        List<Session> gone = sessions.values().stream().filter(s -> s.shopperId().equals(shopperId)).toList();
        gone.forEach(s -> sessions.remove(s.idHash()));
        transactions.wrote("sessions.deleteAll", () -> gone.forEach(s -> sessions.put(s.idHash(), s)));
        return gone.size();
    }

    /** Like the database's one statement: the new session is counted but never the one that ends. */
    @Override
    public int createKeepingNewest(Session session, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1: the new session stays");
        }
        if (sessions.containsKey(session.idHash())) {
            throw new IllegalStateException("duplicate session id hash");
        }
        List<Session> theirs = java.util.stream.Stream.concat(
                        sessions.values().stream().filter(s -> s.shopperId().equals(session.shopperId())),
                        java.util.stream.Stream.of(session))
                .sorted(java.util.Comparator.comparing(Session::createdAt).thenComparing(s -> s.idHash().hex()).reversed())
                .toList();
        List<Session> gone = theirs.subList(Math.min(keep, theirs.size()), theirs.size()).stream()
                .filter(s -> !s.equals(session)).toList();
        gone.forEach(s -> sessions.remove(s.idHash()));
        sessions.put(session.idHash(), session);
        transactions.wrote("sessions.createKeepingNewest", () -> {
            sessions.remove(session.idHash());
            gone.forEach(s -> sessions.put(s.idHash(), s));
        });
        return gone.size();
    }

    @Override
    public int deleteExpired(Instant idleCutoff, Instant absoluteCutoff) {
        List<SecretHash> gone = sessions.values().stream()
                .filter(s -> s.lastUsedAt().isBefore(idleCutoff) || s.createdAt().isBefore(absoluteCutoff))
                .map(Session::idHash)
                .toList();
        gone.forEach(sessions::remove);
        return gone.size();
    }

    public List<Session> all() {
        return List.copyOf(sessions.values());
    }

    public int touches() {
        return touches.get();
    }
}
