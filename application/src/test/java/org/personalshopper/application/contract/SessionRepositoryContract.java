package org.personalshopper.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.personalshopper.application.contract.RepositoryContract.after;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.port.out.SessionRepository;
import org.personalshopper.domain.SecretHash;
import org.personalshopper.domain.Session;
import org.personalshopper.domain.ShopperId;

/** What every {@code SessionRepository} must do; run against the in-memory fake and the jOOQ implementation. */
public interface SessionRepositoryContract extends RepositoryContract {
    SessionRepository sessions();

    private SecretHash newIdHash() {
        return SecretHash.of(UUID.randomUUID().toString());
    }

    @Test
    default void aSessionIsFoundByTheHashOfItsId() {
        ShopperId shopper = newShopperId();
        Session session = new Session(newIdHash(), shopper, START, START);

        sessions().create(session);

        assertThat(sessions().find(session.idHash()))
                .contains(new Session(session.idHash(), shopper, kept(START), kept(START)));
        assertThat(sessions().find(newIdHash())).isEmpty();
    }

    @Test
    default void touchMovesTheIdleClockForwardButNeverBack() {
        Session session = new Session(newIdHash(), newShopperId(), START, START);
        sessions().create(session);

        sessions().touch(session.idHash(), after(Duration.ofMinutes(30)));
        sessions().touch(session.idHash(), after(Duration.ofMinutes(10)));

        assertThat(sessions().find(session.idHash()).orElseThrow().lastUsedAt()).isEqualTo(kept(after(Duration.ofMinutes(30))));
    }

    @Test
    default void aDeletedSessionIsGone() {
        Session session = new Session(newIdHash(), newShopperId(), START, START);
        sessions().create(session);

        sessions().delete(session.idHash());

        assertThat(sessions().find(session.idHash())).isEmpty();
    }

    @Test
    default void keepingTheNewestEndsTheShoppersOldestSessionsOnly() {
        ShopperId shopper = newShopperId();
        ShopperId other = newShopperId();
        Session oldest = new Session(newIdHash(), shopper, START, after(Duration.ofDays(3)));
        Session middle = new Session(newIdHash(), shopper, after(Duration.ofHours(1)), after(Duration.ofHours(1)));
        Session newest = new Session(newIdHash(), shopper, after(Duration.ofHours(2)), after(Duration.ofHours(2)));
        Session theirs = new Session(newIdHash(), other, START, START);
        java.util.List.of(oldest, middle, theirs).forEach(sessions()::create);

        assertThat(sessions().createKeepingNewest(newest, 2)).as("the new session counts").isEqualTo(1);

        assertThat(sessions().find(oldest.idHash())).as("oldest by sign-in, even if used last").isEmpty();
        assertThat(sessions().find(middle.idHash())).isPresent();
        assertThat(sessions().find(newest.idHash())).isPresent();
        assertThat(sessions().find(theirs.idHash())).isPresent();
    }

        @Test
    default void aNewSessionUnderTheCapEndsNone() {
        ShopperId shopper = newShopperId();
        Session earlier = new Session(newIdHash(), shopper, START, START);
        Session fresh = new Session(newIdHash(), shopper, after(Duration.ofHours(1)), after(Duration.ofHours(1)));
        sessions().create(earlier);

        assertThat(sessions().createKeepingNewest(fresh, 2)).isZero();

        assertThat(sessions().find(earlier.idHash())).isPresent();
        assertThat(sessions().find(fresh.idHash())).isPresent();
    }

@Test
    default void deletingAllEndsEverySessionOfTheShopperOnly() {
        ShopperId shopper = newShopperId();
        Session one = new Session(newIdHash(), shopper, START, START);
        Session two = new Session(newIdHash(), shopper, START, START);
        Session theirs = new Session(newIdHash(), newShopperId(), START, START);
        java.util.List.of(one, two, theirs).forEach(sessions()::create);

        assertThat(sessions().deleteAll(shopper)).isEqualTo(2);

        assertThat(sessions().find(one.idHash())).isEmpty();
        assertThat(sessions().find(two.idHash())).isEmpty();
        assertThat(sessions().find(theirs.idHash())).isPresent();
    }
}
