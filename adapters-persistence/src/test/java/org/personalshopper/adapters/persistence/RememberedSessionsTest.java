package org.personalshopper.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.fakes.InMemorySessionRepository;
import org.personalshopper.application.fakes.InMemoryTransactions;
import org.personalshopper.application.port.out.SessionRepository;
import org.personalshopper.domain.SecretHash;
import org.personalshopper.domain.Session;
import org.personalshopper.domain.ShopperId;

/**
 * What the memory in front of the stored sessions promises, with the table replaced by a fake that counts reads:
 * a session is read once per lifetime while changes are announced, never remembered past a change it may have
 * missed, and never at all while announcements may be missed. The database side (the trigger, the listening
 * connection) is {@link SessionChangesTest}.
 */
class RememberedSessionsTest {
    private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");
    private static final Duration LIFETIME = Duration.ofSeconds(30);

    private final CountingSessions stored = new CountingSessions(new InMemorySessionRepository(new InMemoryTransactions()));
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final RememberedSessions memory = new RememberedSessions(stored, LIFETIME, 3, nanos::get);
    private final ShopperId shopper = ShopperId.random();

    private Session storedSession() {
        return storedSession(shopper);
    }

    private Session storedSession(ShopperId owner) {
        Session session = new Session(SecretHash.of(UUID.randomUUID().toString()), owner, T0, T0);
        stored.create(session);
        return session;
    }

    @Test
    void whileListeningASessionIsReadFromTheTableOncePerLifetime() {
        memory.listening();
        Session session = storedSession();

        for (int i = 0; i < 5; i++) {
            assertThat(memory.find(session.idHash())).contains(session);
        }
        assertThat(stored.reads.get()).isEqualTo(1);

        nanos.addAndGet(LIFETIME.toNanos());
        assertThat(memory.find(session.idHash())).contains(session);
        assertThat(stored.reads.get()).as("read again once its lifetime is over").isEqualTo(2);
    }

    @Test
    void beforeListeningStartsEveryReadGoesToTheTable() {
        Session session = storedSession();

        memory.find(session.idHash());
        memory.find(session.idHash());

        assertThat(stored.reads.get()).isEqualTo(2);
        assertThat(memory.size()).isZero();
    }

    @Test
    void whenListeningStopsWhatWasRememberedIsDroppedAndNothingNewIsKept() {
        memory.listening();
        Session session = storedSession();
        memory.find(session.idHash());

        memory.notListening();
        stored.delete(session.idHash()); // an ending this instance could not hear of

        assertThat(memory.find(session.idHash())).isEmpty();
        Session another = storedSession();
        memory.find(another.idHash());
        memory.find(another.idHash());
        assertThat(stored.reads.get()).isEqualTo(4);
    }

    @Test
    void anAnnouncedChangeIsReadAgain() {
        memory.listening();
        Session session = storedSession();
        memory.find(session.idHash());

        stored.delete(session.idHash()); // by another instance: only the announcement tells
        memory.forget(session.idHash().hex());

        assertThat(memory.find(session.idHash())).isEmpty();
    }

    @Test
    void aReadUnderWayWhileAChangeIsAnnouncedIsNotRemembered() {
        memory.listening();
        Session session = storedSession();
        // The row is read, then deleted elsewhere and announced, all before the read hands its result back.
        stored.duringNextRead = () -> memory.forget(session.idHash().hex());

        assertThat(memory.find(session.idHash())).contains(session);

        stored.delete(session.idHash());
        assertThat(memory.find(session.idHash())).as("the stale read was not kept").isEmpty();
    }

    @Test
    void endingsMadeThroughItAreForgottenWithoutWaitingForTheAnnouncement() {
        memory.listening();
        Session deleted = storedSession();
        Session touched = storedSession();
        memory.find(deleted.idHash());
        memory.find(touched.idHash());

        memory.delete(deleted.idHash());
        memory.touch(touched.idHash(), T0.plusSeconds(3_600));

        assertThat(memory.find(deleted.idHash())).isEmpty();
        assertThat(memory.find(touched.idHash())).get().extracting(Session::lastUsedAt).isEqualTo(T0.plusSeconds(3_600));
    }

    @Test
    void endingEverySessionOfAShopperForgetsThemAllAndNoOneElses() {
        memory.listening();
        Session first = storedSession();
        Session second = storedSession();
        Session someoneElses = storedSession(ShopperId.random());
        memory.find(first.idHash());
        memory.find(second.idHash());
        memory.find(someoneElses.idHash());

        assertThat(memory.deleteAll(shopper)).isEqualTo(2);

        assertThat(memory.find(first.idHash())).isEmpty();
        assertThat(memory.find(second.idHash())).isEmpty();
        int reads = stored.reads.get();
        assertThat(memory.find(someoneElses.idHash())).contains(someoneElses);
        assertThat(stored.reads.get()).as("the other shopper's session still answers from memory").isEqualTo(reads);
    }

    @Test
    void aNewSessionThatEndsOlderOnesForgetsTheShoppersSessions() {
        memory.listening();
        Session oldest = storedSession();
        memory.find(oldest.idHash());

        Session fresh = new Session(SecretHash.of(UUID.randomUUID().toString()), shopper, T0.plusSeconds(1), T0.plusSeconds(1));
        assertThat(memory.createKeepingNewest(fresh, 1)).isEqualTo(1);

        assertThat(memory.find(oldest.idHash())).isEmpty();
        assertThat(memory.find(fresh.idHash())).contains(fresh);
    }

    @Test
    void pastItsCapacityItKeepsNoMoreAndReadsTheRestFromTheTable() {
        memory.listening();
        Session[] sessions = {storedSession(), storedSession(), storedSession(), storedSession()};
        for (Session session : sessions) {
            memory.find(session.idHash());
        }
        assertThat(memory.size()).isEqualTo(3);

        int reads = stored.reads.get();
        memory.find(sessions[3].idHash());
        assertThat(stored.reads.get()).isEqualTo(reads + 1);

        // Once the kept ones have outlived their lifetime they make room.
        nanos.addAndGet(LIFETIME.toNanos());
        memory.find(sessions[3].idHash());
        memory.find(sessions[3].idHash());
        assertThat(stored.reads.get()).isEqualTo(reads + 2);
    }

    @Test
    void aLifetimeOrCapacityThatMakesNoSenseIsRefused() {
        assertThatThrownBy(() -> new RememberedSessions(stored, Duration.ZERO, 3, nanos::get))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RememberedSessions(stored, LIFETIME, 0, nanos::get))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The fake table, counting the reads that reach it. */
    private static final class CountingSessions implements SessionRepository {
        private final SessionRepository table;
        final AtomicInteger reads = new AtomicInteger();
        Runnable duringNextRead = () -> { };

        CountingSessions(SessionRepository table) {
            this.table = table;
        }

        @Override
        public Optional<Session> find(SecretHash idHash) {
            reads.incrementAndGet();
            Optional<Session> found = table.find(idHash);
            Runnable during = duringNextRead;
            duringNextRead = () -> { };
            during.run();
            return found;
        }

        @Override
        public void create(Session session) {
            table.create(session);
        }

        @Override
        public void touch(SecretHash idHash, Instant usedAt) {
            table.touch(idHash, usedAt);
        }

        @Override
        public void delete(SecretHash idHash) {
            table.delete(idHash);
        }

        @Override
        public int deleteAll(ShopperId shopperId) {
            return table.deleteAll(shopperId);
        }

        @Override
        public int createKeepingNewest(Session session, int keep) {
            return table.createKeepingNewest(session, keep);
        }

        @Override
        public int deleteExpired(Instant idleCutoff, Instant absoluteCutoff) {
            return table.deleteExpired(idleCutoff, absoluteCutoff);
        }
    }
}
