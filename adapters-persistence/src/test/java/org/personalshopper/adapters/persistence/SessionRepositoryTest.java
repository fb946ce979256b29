package org.personalshopper.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.contract.SessionRepositoryContract;
import org.personalshopper.application.port.out.SessionRepository;
import org.personalshopper.domain.SecretHash;
import org.personalshopper.domain.Session;
import org.personalshopper.domain.Shopper;

/** The jOOQ SessionRepository against its contract, and what only the database adds. */
class SessionRepositoryTest extends DatabaseTest implements SessionRepositoryContract {
    @Override
    public SessionRepository sessions() {
        return persistence.sessions();
    }

    private static SecretHash newIdHash() {
        return SecretHash.of(UUID.randomUUID().toString());
    }

    @Test
    void onlyTheHashIsStored() throws Exception {
        String sessionId = "the-session-id-from-the-cookie-" + UUID.randomUUID();
        sessions().create(new Session(SecretHash.of(sessionId), newShopper().id(), T0, T0));

        assertThat(rawColumn("select id_hash from shopper_session")).doesNotContain(sessionId).contains(SecretHash.of(sessionId).hex());
    }

    @Test
    void expiredSessionsAreRemovedByIdleOrAbsoluteAge() {
        Shopper shopper = newShopper();
        Session idle = new Session(newIdHash(), shopper.id(), at(Duration.ofDays(100)), at(Duration.ofDays(100)));
        Session tooOld = new Session(newIdHash(), shopper.id(), T0, at(Duration.ofDays(130)));
        Session live = new Session(newIdHash(), shopper.id(), at(Duration.ofDays(120)), at(Duration.ofDays(130)));
        sessions().create(idle);
        sessions().create(tooOld);
        sessions().create(live);

        int before = rowCount();

        int removed = sessions().deleteExpired(at(Duration.ofDays(110)), at(Duration.ofDays(90)));

        assertThat(sessions().find(idle.idHash())).isEmpty();
        assertThat(sessions().find(tooOld.idHash())).isEmpty();
        assertThat(sessions().find(live.idHash())).isPresent();
        // other tests' sessions in this schema may expire too: the count must match what actually went
        assertThat(removed).isGreaterThanOrEqualTo(2).isEqualTo(before - rowCount());
    }

    private int rowCount() {
        try {
            return Integer.parseInt(rawColumn("select count(*) from shopper_session").get(0));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aStoredSessionUsedBeforeItWasCreatedIsOurFaultNotTheCallersInput() throws Exception {
        Session session = new Session(newIdHash(), newShopper().id(), T0, T0);
        sessions().create(session);
        rawUpdate("update shopper_session set last_used_at = created_at - interval '1 day' where id_hash = ?",
                session.idHash().hex());

        assertStoredRowRefused(() -> sessions().find(session.idHash()), "shopper_session", session.idHash().hex());
    }
}
