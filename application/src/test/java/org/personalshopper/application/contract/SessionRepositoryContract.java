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

}
