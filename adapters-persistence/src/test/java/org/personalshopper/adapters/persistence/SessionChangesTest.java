package org.personalshopper.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.port.out.SessionRepository;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.SecretHash;
import org.personalshopper.domain.Session;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.TokenSet;

/**
 * Remembered sessions against the real database: a session ended or changed by anyone (another instance, an
 * operator's SQL) stops answering from memory as soon as its announcement arrives, what this instance ends
 * itself stops at once, and while the listening connection is gone every read goes to the table. Where a test
 * must show that memory answered, it turns the table's trigger off for a moment: a change the memory cannot
 * hear of.
 */
class SessionChangesTest extends DatabaseTest {
    /** Far more than an announcement takes on one machine, far less than a remembered session's lifetime. */
    private static final Duration ANNOUNCED_WITHIN = Duration.ofSeconds(5);

    private SessionRepository sessions() {
        return persistence.sessions();
    }

    private RememberedSessions memory() {
        return persistence.rememberedSessions().orElseThrow();
    }

    @BeforeEach
    void listening() throws Exception {
        await(() -> memory().isListening(), "the listener connects");
    }

    private Session signedIn(ShopperId shopper) {
        Instant now = micros(T0); // as stored, so what memory answers equals what the table would
        Session session = new Session(SecretHash.of(UUID.randomUUID().toString()), shopper, now, now);
        sessions().create(session);
        return session;
    }

    @Test
    void sessionsAreRememberedByDefault() {
        assertThat(TestDatabase.settings(schema).rememberSessions()).isEqualTo(DatabaseSettings.DEFAULT_REMEMBER_SESSIONS);
        assertThat(persistence.rememberedSessions()).isPresent();
    }

    @Test
    void aSessionJustReadAnswersFromMemory() throws Exception {
        Session session = signedIn(newShopper().id());
        assertThat(sessions().find(session.idHash())).contains(session);

        unannounced(() -> rawUpdate("delete from shopper_session where id_hash = ?", session.idHash().hex()));

        assertThat(sessions().find(session.idHash())).as("answered from memory").contains(session);
        memory().forget(session.idHash().hex());
    }

    @Test
    void aSessionEndedElsewhereStopsAnsweringOnceAnnounced() throws Exception {
        Session session = signedIn(newShopper().id());
        sessions().find(session.idHash());

        rawUpdate("delete from shopper_session where id_hash = ?", session.idHash().hex());

        await(() -> sessions().find(session.idHash()).isEmpty(), "the ended session is forgotten");
    }

    @Test
    void aSessionChangedElsewhereIsReadAgain() throws Exception {
        Session session = signedIn(newShopper().id());
        sessions().find(session.idHash());

        rawUpdate("update shopper_session set last_used_at = last_used_at + interval '1 day' where id_hash = ?",
                session.idHash().hex());

        Instant dayLater = micros(T0.plus(Duration.ofDays(1)));
        await(() -> sessions().find(session.idHash()).map(Session::lastUsedAt).equals(Optional.of(dayLater)),
                "the changed session is read again");
    }

    @Test
    void aShopperDeletedElsewhereLosesTheirSessionsOnceAnnounced() throws Exception {
        ShopperId shopper = newShopper().id();
        Session session = signedIn(shopper);
        sessions().find(session.idHash());

        rawUpdate("delete from shopper where id = ?", shopper.value());

        await(() -> sessions().find(session.idHash()).isEmpty(), "the cascaded session is forgotten");
    }

    @Test
    void endingsMadeHereNeedNoAnnouncement() throws Exception {
        ShopperId deletedShopper = newShopper().id();
        Session ofDeletedShopper = signedIn(deletedShopper);
        ShopperId capped = newShopper().id();
        Session oldest = signedIn(capped);
        ShopperId renewed = newShopper().id();
        ProfileId profile = new ProfileId("profile-" + UUID.randomUUID());
        persistence.connections().save(renewed, KROGER, profile, TokenSet.issued(new AccessToken("access"), "refresh", T0, Duration.ofMinutes(30)));
        Session renewedOldest = signedIn(renewed);
        for (Session session : new Session[] {ofDeletedShopper, oldest, renewedOldest}) {
            sessions().find(session.idHash());
        }

        unannounced(() -> {
            persistence.shoppers().delete(deletedShopper);
            Session newer = new Session(SecretHash.of(UUID.randomUUID().toString()), capped, T0.plusSeconds(1), T0.plusSeconds(1));
            sessions().createKeepingNewest(newer, 1);
            Session renewal = new Session(SecretHash.of(UUID.randomUUID().toString()), renewed, T0.plusSeconds(1), T0.plusSeconds(1));
            assertThat(persistence.connections().renewWithSession(renewed, KROGER, profile,
                    TokenSet.issued(new AccessToken("access-2"), "refresh-2", T0, Duration.ofMinutes(30)), renewal, 1)).isTrue();
            return 0;
        });

        assertThat(sessions().find(ofDeletedShopper.idHash())).as("a deleted shopper's").isEmpty();
        assertThat(sessions().find(oldest.idHash())).as("ended by the cap").isEmpty();
        assertThat(sessions().find(renewedOldest.idHash())).as("ended by the cap at a renewal").isEmpty();
    }

    @Test
    void withoutTheListeningConnectionEveryReadGoesToTheTableUntilItIsBack() throws Exception {
        Session session = signedIn(newShopper().id());
        sessions().find(session.idHash());
        SessionChangeListener listener = persistence.sessionChanges().orElseThrow();
        int pid = listener.backendPid();
        assertThat(pid).isPositive();

        rawColumn("select pg_terminate_backend(?)", pid);
        await(() -> !memory().isListening(), "the lost connection is noticed");
        assertThat(memory().size()).as("what was remembered is dropped").isZero();

        unannounced(() -> rawUpdate("delete from shopper_session where id_hash = ?", session.idHash().hex()));
        assertThat(sessions().find(session.idHash())).as("read from the table").isEmpty();

        await(() -> memory().isListening(), "the listener connects again");
        assertThat(listener.backendPid()).isNotEqualTo(pid);
        Session later = signedIn(newShopper().id());
        sessions().find(later.idHash());
        assertThat(memory().size()).as("remembering again").isEqualTo(1);
    }

    @Test
    void withNoLifetimeSessionsAreNotRememberedAndNothingListens() {
        try (PostgresPersistence direct = PostgresPersistence.open(
                TestDatabase.settings(schema).rememberingSessionsFor(Duration.ZERO), keys)) {
            assertThat(direct.rememberedSessions()).isEmpty();
            assertThat(direct.sessionChanges()).isEmpty();
        }
    }

    private interface SqlAction {
        int run() throws Exception;
    }

    /** Runs the action with the table's trigger off: changes nobody is told of. */
    private void unannounced(SqlAction action) throws Exception {
        rawUpdate("alter table shopper_session disable trigger shopper_session_changed");
        try {
            action.run();
        } finally {
            rawUpdate("alter table shopper_session enable trigger shopper_session_changed");
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + ANNOUNCED_WITHIN.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + ANNOUNCED_WITHIN + ": " + what);
            }
            Thread.sleep(10);
        }
    }
}
