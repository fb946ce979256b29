package org.personalshopper.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.port.out.SessionRepository;
import org.personalshopper.domain.SecretHash;
import org.personalshopper.domain.Session;
import org.personalshopper.domain.Shopper;

class SessionRepositoryTest extends DatabaseTest {
    private SessionRepository sessions() {
        return persistence.sessions();
    }

    private static SecretHash newIdHash() {
        return SecretHash.of(UUID.randomUUID().toString());
    }

    @Test
    void aSessionIsFoundByTheHashOfItsId() {
        Shopper shopper = newShopper();
        Session session = new Session(newIdHash(), shopper.id(), T0, T0);

        sessions().create(session);

        assertThat(sessions().find(session.idHash()))
                .contains(new Session(session.idHash(), shopper.id(), micros(T0), micros(T0)));
        assertThat(sessions().find(newIdHash())).isEmpty();
    }

    @Test
    void onlyTheHashIsStored() throws Exception {
        String sessionId = "the-session-id-from-the-cookie-" + UUID.randomUUID();
        sessions().create(new Session(SecretHash.of(sessionId), newShopper().id(), T0, T0));

        assertThat(rawColumn("select id_hash from shopper_session")).doesNotContain(sessionId).contains(SecretHash.of(sessionId).hex());
    }

    @Test
    void touchMovesTheIdleClockForwardButNeverBack() {
        Session session = new Session(newIdHash(), newShopper().id(), T0, T0);
        sessions().create(session);

        sessions().touch(session.idHash(), at(Duration.ofMinutes(30)));
        sessions().touch(session.idHash(), at(Duration.ofMinutes(10)));

        assertThat(sessions().find(session.idHash()).orElseThrow().lastUsedAt()).isEqualTo(micros(at(Duration.ofMinutes(30))));
    }

    @Test
    void keepingTheNewestEndsTheShoppersOldestSessionsOnly() {
        Shopper shopper = newShopper();
        Shopper other = newShopper();
        Session oldest = new Session(newIdHash(), shopper.id(), T0, at(Duration.ofDays(3)));
        Session middle = new Session(newIdHash(), shopper.id(), at(Duration.ofHours(1)), at(Duration.ofHours(1)));
        Session newest = new Session(newIdHash(), shopper.id(), at(Duration.ofHours(2)), at(Duration.ofHours(2)));
        Session theirs = new Session(newIdHash(), other.id(), T0, T0);
        java.util.List.of(oldest, middle, newest, theirs).forEach(sessions()::create);

        assertThat(sessions().keepNewest(shopper.id(), 2)).isEqualTo(1);

        assertThat(sessions().find(oldest.idHash())).as("oldest by sign-in, even if used last").isEmpty();
        assertThat(sessions().find(middle.idHash())).isPresent();
        assertThat(sessions().find(newest.idHash())).isPresent();
        assertThat(sessions().find(theirs.idHash())).isPresent();
    }

    @Test
    void deletingAllEndsEverySessionOfTheShopperOnly() {
        Shopper shopper = newShopper();
        Shopper other = newShopper();
        Session one = new Session(newIdHash(), shopper.id(), T0, T0);
        Session two = new Session(newIdHash(), shopper.id(), T0, T0);
        Session theirs = new Session(newIdHash(), other.id(), T0, T0);
        java.util.List.of(one, two, theirs).forEach(sessions()::create);

        assertThat(sessions().deleteAll(shopper.id())).isEqualTo(2);

        assertThat(sessions().find(one.idHash())).isEmpty();
        assertThat(sessions().find(theirs.idHash())).isPresent();
    }

    @Test
    void aDeletedSessionIsGone() {
        Session session = new Session(newIdHash(), newShopper().id(), T0, T0);
        sessions().create(session);

        sessions().delete(session.idHash());

        assertThat(sessions().find(session.idHash())).isEmpty();
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
}
