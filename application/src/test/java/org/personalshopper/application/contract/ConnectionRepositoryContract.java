package org.personalshopper.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.port.out.ConnectionRepository;
import org.personalshopper.application.port.out.ConnectionSummary;
import org.personalshopper.application.port.out.SessionRepository;
import org.personalshopper.application.port.out.Transactions;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.Connection;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.SecretHash;
import org.personalshopper.domain.Session;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.TokenSet;

/**
 * What every {@code ConnectionRepository} (the successor of the token repository) must do; run against the
 * in-memory fake and the jOOQ implementation.
 */
public interface ConnectionRepositoryContract extends RepositoryContract {
    ConnectionRepository connections();

    Transactions transactions();

    /** The sessions of the same store, where {@link ConnectionRepository#renewWithSession} starts its sessions. */
    SessionRepository sessionsOfTheStore();

    Provider KROGER = new Provider("kroger");
    Provider FOODIN = new Provider("foodin");

    private static ProfileId someone() {
        return new ProfileId(UUID.randomUUID().toString());
    }

    private static TokenSet tokens(String name, Duration after) {
        return TokenSet.issued(new AccessToken("access-" + name), "refresh-" + name, START.plus(after), Duration.ofMinutes(30));
    }

    private TokenSet kept(TokenSet tokens) {
        return new TokenSet(tokens.accessToken(), tokens.refreshToken(), kept(tokens.issuedAt()), kept(tokens.accessTokenExpiresAt()));
    }

    @Test
    default void aSavedConnectionIsFoundWithItsTokensUsable() {
        ShopperId shopper = newShopperId();
        ProfileId profile = someone();
        TokenSet saved = tokens("a", Duration.ZERO);

        assertThat(connections().save(shopper, KROGER, profile, saved)).isTrue();

        Connection found = connections().find(shopper, KROGER).orElseThrow();
        assertThat(found.profileId()).isEqualTo(profile);
        assertThat(found.tokens()).isEqualTo(kept(saved));
        assertThat(found.usable()).isTrue();
        assertThat(connections().owner(KROGER, profile)).contains(shopper);
        assertThat(connections().find(shopper, FOODIN)).isEmpty();
    }

    @Test
    default void aShopperHasOneConnectionPerProviderListedOldestFirst() {
        ShopperId shopper = newShopperId();
        connections().save(shopper, KROGER, someone(), tokens("k", Duration.ZERO));
        connections().save(shopper, FOODIN, someone(), tokens("f", Duration.ofMinutes(1)));

        assertThat(connections().list(shopper)).extracting(Connection::provider).containsExactly(KROGER, FOODIN);
        assertThat(connections().list(newShopperId())).isEmpty();
    }

    @Test
    default void summariesSayWhatTheConnectionsSayWithoutTheirTokensInTheListsOrder() {
        ShopperId shopper = newShopperId();
        Provider zeta = new Provider("zeta");
        ProfileId zetaProfile = someone();
        ProfileId krogerProfile = someone();
        ProfileId foodinProfile = someone();
        TokenSet kroger = tokens("k", Duration.ofMinutes(1));
        TokenSet foodin = tokens("f", Duration.ofMinutes(1));
        TokenSet older = tokens("a", Duration.ZERO);
        // The oldest first though its name sorts last; connected at the same time, the provider name orders them
        // (foodin before kroger), whatever the save order.
        connections().save(shopper, KROGER, krogerProfile, kroger);
        connections().save(shopper, FOODIN, foodinProfile, foodin);
        connections().save(shopper, zeta, zetaProfile, older);
        connections().markUnusable(shopper, KROGER);
        connections().save(newShopperId(), KROGER, someone(), tokens("other", Duration.ZERO));

        assertThat(connections().summaries(shopper)).containsExactly(
                new ConnectionSummary(zeta, zetaProfile, true, kept(older.accessTokenExpiresAt())),
                new ConnectionSummary(FOODIN, foodinProfile, true, kept(foodin.accessTokenExpiresAt())),
                new ConnectionSummary(KROGER, krogerProfile, false, kept(kroger.accessTokenExpiresAt())));
        assertThat(connections().list(shopper)).extracting(Connection::provider).containsExactly(zeta, FOODIN, KROGER);
        assertThat(connections().summaries(newShopperId())).isEmpty();
    }

    @Test
    default void aSummaryFollowsRefreshedTokensAndAReplacedAccount() {
        ShopperId shopper = newShopperId();
        ProfileId second = someone();
        connections().save(shopper, KROGER, someone(), tokens("1", Duration.ZERO));
        connections().markUnusable(shopper, KROGER);
        TokenSet refreshed = tokens("2", Duration.ofMinutes(7));
        connections().saveTokens(shopper, KROGER, refreshed);
        assertThat(connections().summaries(shopper))
                .containsExactly(new ConnectionSummary(KROGER, connections().list(shopper).get(0).profileId(), true,
                        kept(refreshed.accessTokenExpiresAt())));

        TokenSet replaced = tokens("3", Duration.ofMinutes(9));
        connections().save(shopper, KROGER, second, replaced);

        assertThat(connections().summaries(shopper))
                .containsExactly(new ConnectionSummary(KROGER, second, true, kept(replaced.accessTokenExpiresAt())));
    }

    @Test
    default void anAccountOfAnotherShopperIsNotTakenOver() {
        ShopperId owner = newShopperId();
        ShopperId other = newShopperId();
        ProfileId profile = someone();
        connections().save(owner, FOODIN, profile, tokens("owner", Duration.ZERO));

        assertThat(connections().save(other, FOODIN, profile, tokens("other", Duration.ZERO))).isFalse();

        assertThat(connections().owner(FOODIN, profile)).contains(owner);
        assertThat(connections().find(owner, FOODIN).orElseThrow().tokens().accessToken()).isEqualTo(new AccessToken("access-owner"));
        assertThat(connections().find(other, FOODIN)).isEmpty();
    }

    @Test
    default void aRefusedSaveLeavesTheShoppersOwnConnectionToThatProviderInPlace() {
        ShopperId owner = newShopperId();
        ShopperId other = newShopperId();
        ProfileId taken = someone();
        ProfileId own = someone();
        connections().save(owner, FOODIN, taken, tokens("owner", Duration.ZERO));
        connections().save(other, FOODIN, own, tokens("own", Duration.ZERO));

        assertThat(connections().save(other, FOODIN, taken, tokens("other", Duration.ofMinutes(1)))).isFalse();

        Connection kept = connections().find(other, FOODIN).orElseThrow();
        assertThat(kept.profileId()).isEqualTo(own);
        assertThat(kept.tokens()).isEqualTo(kept(tokens("own", Duration.ZERO)));
        assertThat(connections().owner(FOODIN, own)).contains(other);
        assertThat(connections().owner(FOODIN, taken)).contains(owner);
    }

    @Test
    default void anotherAccountOfTheSameProviderReplacesTheShoppersConnection() {
        ShopperId shopper = newShopperId();
        ProfileId first = someone();
        ProfileId second = someone();
        connections().save(shopper, KROGER, first, tokens("1", Duration.ZERO));

        assertThat(connections().save(shopper, KROGER, second, tokens("2", Duration.ZERO))).isTrue();

        assertThat(connections().list(shopper)).extracting(Connection::profileId).containsExactly(second);
        assertThat(connections().owner(KROGER, first)).isEmpty();
    }

    @Test
    default void refreshedTokensReplaceTheOldOnesAndMakeTheConnectionUsableAgain() {
        ShopperId shopper = newShopperId();
        ProfileId profile = someone();
        connections().save(shopper, KROGER, profile, tokens("old", Duration.ZERO));
        connections().markUnusable(shopper, KROGER);
        assertThat(connections().find(shopper, KROGER).orElseThrow().usable()).isFalse();
        assertThat(connections().find(shopper, KROGER).orElseThrow().tokens()).isEqualTo(kept(tokens("old", Duration.ZERO)));

        TokenSet fresh = tokens("new", Duration.ofMinutes(5));
        connections().saveTokens(shopper, KROGER, fresh);

        Connection found = connections().find(shopper, KROGER).orElseThrow();
        assertThat(found.tokens()).isEqualTo(kept(fresh));
        assertThat(found.usable()).isTrue();
        assertThat(found.profileId()).isEqualTo(profile);
    }

    @Test
    default void findForUpdateNeedsATransactionAndFindsTheSameConnection() {
        ShopperId shopper = newShopperId();
        connections().save(shopper, KROGER, someone(), tokens("a", Duration.ZERO));

        assertThat(transactions().inTransaction(() -> connections().findForUpdate(shopper, KROGER)))
                .isEqualTo(connections().find(shopper, KROGER));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> connections().findForUpdate(shopper, KROGER))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    default void aDeletedConnectionIsGoneAndItsAccountFreeAgain() {
        ShopperId shopper = newShopperId();
        ProfileId profile = someone();
        connections().save(shopper, KROGER, profile, tokens("k", Duration.ZERO));
        connections().save(shopper, FOODIN, someone(), tokens("f", Duration.ZERO));

        assertThat(connections().delete(shopper, KROGER)).isTrue();

        assertThat(connections().find(shopper, KROGER)).isEmpty();
        assertThat(connections().owner(KROGER, profile)).isEmpty();
        assertThat(connections().list(shopper)).extracting(Connection::provider).containsExactly(FOODIN);
        assertThat(connections().delete(shopper, KROGER)).as("deleting again").isFalse();
    }

    private static Session session(ShopperId shopper, Duration after) {
        return new Session(SecretHash.of(UUID.randomUUID().toString()), shopper, START.plus(after), START.plus(after));
    }

    @Test
    default void renewingWithASessionReplacesTheTokensAndStartsTheSessionKeepingTheNewest() {
        ShopperId shopper = newShopperId();
        ProfileId profile = someone();
        connections().save(shopper, KROGER, profile, tokens("old", Duration.ZERO));
        Session oldest = session(shopper, Duration.ofMinutes(1));
        Session middle = session(shopper, Duration.ofMinutes(2));
        sessionsOfTheStore().create(oldest);
        sessionsOfTheStore().create(middle);
        TokenSet renewed = tokens("new", Duration.ofMinutes(3));
        Session fresh = session(shopper, Duration.ofMinutes(3));

        assertThat(connections().renewWithSession(shopper, KROGER, profile, renewed, fresh, 2)).isTrue();

        Connection found = connections().find(shopper, KROGER).orElseThrow();
        assertThat(found.tokens()).isEqualTo(kept(renewed));
        assertThat(found.usable()).isTrue();
        assertThat(found.connectedAt()).as("still connected since the first time").isEqualTo(kept(START));
        assertThat(sessionsOfTheStore().find(fresh.idHash())).isPresent();
        assertThat(sessionsOfTheStore().find(middle.idHash())).isPresent();
        assertThat(sessionsOfTheStore().find(oldest.idHash())).as("past the cap of 2, the new one counted").isEmpty();
    }

    @Test
    default void renewingWithASessionChangesNothingUnlessTheAccountIsTheShoppersConnection() {
        ShopperId shopper = newShopperId();
        ShopperId other = newShopperId();
        ProfileId theirs = someone();
        ProfileId mine = someone();
        TokenSet theirTokens = tokens("theirs", Duration.ZERO);
        TokenSet myTokens = tokens("mine", Duration.ZERO);
        connections().save(other, KROGER, theirs, theirTokens);
        connections().save(shopper, KROGER, mine, myTokens);
        Session earlier = session(shopper, Duration.ZERO);
        sessionsOfTheStore().create(earlier);

        Session first = session(shopper, Duration.ofMinutes(1));
        assertThat(connections().renewWithSession(shopper, KROGER, theirs, tokens("x", Duration.ofMinutes(1)), first, 1))
                .as("another shopper's account").isFalse();
        Session second = session(shopper, Duration.ofMinutes(1));
        assertThat(connections().renewWithSession(shopper, FOODIN, someone(), tokens("y", Duration.ofMinutes(1)), second, 1))
                .as("no connection to that provider").isFalse();

        assertThat(connections().find(other, KROGER).orElseThrow().tokens()).isEqualTo(kept(theirTokens));
        assertThat(connections().find(shopper, KROGER).orElseThrow().tokens()).isEqualTo(kept(myTokens));
        assertThat(connections().find(shopper, FOODIN)).isEmpty();
        assertThat(sessionsOfTheStore().find(first.idHash())).isEmpty();
        assertThat(sessionsOfTheStore().find(second.idHash())).isEmpty();
        assertThat(sessionsOfTheStore().find(earlier.idHash())).as("no cap applied either").isPresent();
    }
}
