package org.personalshopper.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.port.out.Transactions;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.Guidance;
import org.personalshopper.domain.GuidanceId;
import org.personalshopper.domain.GuidanceText;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.SecretHash;
import org.personalshopper.domain.Session;
import org.personalshopper.domain.Shopper;
import org.personalshopper.domain.TokenSet;

class JooqTransactionsTest extends DatabaseTest {
    private Transactions transactions() {
        return persistence.transactions();
    }

    /** The sign-in completion: shopper, tokens and session either all land or none does. */
    private Shopper signIn(ProfileId profile, SecretHash sessionHash) {
        Shopper shopper = persistence.shoppers().create(T0);
        persistence.connections().save(shopper.id(), KROGER, profile, TokenSet.issued(new AccessToken("access"), "refresh", T0, Duration.ofMinutes(30)));
        persistence.sessions().create(new Session(sessionHash, shopper.id(), T0, T0));
        return shopper;
    }

    @Test
    void workThatReturnsIsCommitted() {
        ProfileId profile = new ProfileId(UUID.randomUUID().toString());
        SecretHash session = SecretHash.of(UUID.randomUUID().toString());

        Shopper shopper = transactions().inTransaction(() -> signIn(profile, session));

        assertThat(persistence.shoppers().find(shopper.id())).isPresent();
        assertThat(persistence.connections().find(shopper.id(), KROGER)).isPresent();
        assertThat(persistence.sessions().find(session)).isPresent();
    }

    @Test
    void workThatThrowsRollsBackEverythingAndTheOriginalExceptionComesThrough() throws Exception {
        ProfileId profile = new ProfileId(UUID.randomUUID().toString());
        SecretHash session = SecretHash.of(UUID.randomUUID().toString());
        IllegalArgumentException failure = new IllegalArgumentException("the grocer refused the code");

        AtomicReference<Shopper> signedIn = new AtomicReference<>();

        Throwable thrown = catchThrowable(() -> transactions().run(() -> {
            signedIn.set(signIn(profile, session));
            throw failure;
        }));

        assertThat(thrown).isSameAs(failure);
        assertThat(persistence.shoppers().find(signedIn.get().id())).isEmpty();
        assertThat(persistence.connections().find(signedIn.get().id(), KROGER)).isEmpty();
        assertThat(persistence.sessions().find(session)).isEmpty();
        assertThat(rawColumn("select shopper_id from shopper_connection where profile_id = ?", profile.value())).isEmpty();
    }

    @Test
    void aNestedCallJoinsTheOuterTransactionAndRollsBackWithIt() throws Exception {
        ProfileId profile = new ProfileId(UUID.randomUUID().toString());
        SecretHash session = SecretHash.of(UUID.randomUUID().toString());

        AtomicReference<Shopper> signedIn = new AtomicReference<>();

        assertThatThrownBy(() -> transactions().run(() -> {
            Shopper shopper = transactions().inTransaction(() -> signIn(profile, session));
            signedIn.set(shopper);
            // the inner call returned, but nothing is committed until the outer one ends
            persistence.guidance().addIfFewerThan(new Guidance(GuidanceId.random(), shopper.id(), new GuidanceText("no pork"), T0), 10);
            throw new IllegalStateException("outer work fails after the nested call");
        })).isInstanceOf(IllegalStateException.class).hasMessage("outer work fails after the nested call");

        assertThat(rawColumn("select shopper_id from shopper_connection where profile_id = ?", profile.value())).isEmpty();
        assertThat(persistence.sessions().find(session)).isEmpty();
        assertThat(persistence.guidance().count(signedIn.get().id())).isZero();
    }

    @Test
    void uncommittedWorkIsInvisibleOutsideTheTransaction() throws Exception {
        ProfileId profile = new ProfileId(UUID.randomUUID().toString());

        Integer seenOutside = transactions().inTransaction(() -> {
            Shopper created = persistence.shoppers().create(T0);
            persistence.connections().save(created.id(), KROGER, profile,
                    TokenSet.issued(new AccessToken("access"), "refresh", T0, Duration.ofMinutes(30)));
            try {
                return rawColumn("select shopper_id from shopper_connection where profile_id = ?", profile.value()).size();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(seenOutside).isZero();
        assertThat(rawColumn("select shopper_id from shopper_connection where profile_id = ?", profile.value())).hasSize(1);
    }

    @Test
    void aFailedTransactionLeavesTheThreadFreeForTheNextOne() {
        assertThatThrownBy(() -> transactions().run(() -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(persistence.jooq().active()).isFalse();
        Shopper shopper = transactions().inTransaction(() -> persistence.shoppers().create(T0));
        assertThat(persistence.shoppers().find(shopper.id())).isPresent();
    }
}
