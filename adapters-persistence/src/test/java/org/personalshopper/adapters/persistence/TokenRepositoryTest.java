package org.personalshopper.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.personalshopper.application.port.out.ShopperTokens;
import org.personalshopper.application.port.out.TokenRepository;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.TokenSet;

class TokenRepositoryTest extends DatabaseTest {
    private TokenRepository tokens() {
        return persistence.tokens();
    }

    private static TokenSet tokenSet(String tag) {
        return TokenSet.issued(new AccessToken("access-" + tag + "-" + UUID.randomUUID()), "refresh-" + tag + "-" + UUID.randomUUID(),
                T0, Duration.ofMinutes(30));
    }

    private static TokenSet micros(TokenSet tokens) {
        return new TokenSet(tokens.accessToken(), tokens.refreshToken(), DatabaseTest.micros(tokens.issuedAt()),
                DatabaseTest.micros(tokens.accessTokenExpiresAt()));
    }

    @Test
    void savedTokensAreReadBackExactlyAndUsable() {
        ShopperId shopper = newShopper().id();
        TokenSet saved = tokenSet("first");

        tokens().save(shopper, saved);

        assertThat(tokens().find(shopper)).contains(new ShopperTokens(shopper, micros(saved), true));
    }

    @Test
    void aShopperWithoutTokensHasNone() {
        assertThat(tokens().find(newShopper().id())).isEmpty();
    }

    @Test
    void savingAgainReplacesEveryFieldAndMakesTheTokensUsableAgain() {
        ShopperId shopper = newShopper().id();
        tokens().save(shopper, tokenSet("old"));
        tokens().markUnusable(shopper);
        TokenSet fresh = TokenSet.issued(new AccessToken("access-new"), "refresh-new", at(Duration.ofHours(2)), Duration.ofMinutes(20));

        tokens().save(shopper, fresh);

        assertThat(tokens().find(shopper)).contains(new ShopperTokens(shopper, micros(fresh), true));
    }

    @Test
    void whetherTheShopperIsConnectedIsTheUsableTokensExpiry() {
        ShopperId shopper = newShopper().id();
        assertThat(tokens().usableUntil(shopper)).isEmpty();
        TokenSet saved = tokenSet("status");

        tokens().save(shopper, saved);
        assertThat(tokens().usableUntil(shopper)).contains(micros(saved).accessTokenExpiresAt());

        tokens().markUnusable(shopper);
        assertThat(tokens().usableUntil(shopper)).isEmpty();
    }

    @Test
    void markUnusableKeepsTheTokensAsTheyWere() {
        ShopperId shopper = newShopper().id();
        TokenSet saved = tokenSet("refused");
        tokens().save(shopper, saved);

        tokens().markUnusable(shopper);

        assertThat(tokens().find(shopper)).contains(new ShopperTokens(shopper, micros(saved), false));
    }

    @Test
    void oneShoppersTokensNeverChangeAnothers() {
        ShopperId mine = newShopper().id();
        ShopperId theirs = newShopper().id();
        TokenSet theirTokens = tokenSet("theirs");
        tokens().save(theirs, theirTokens);

        tokens().save(mine, tokenSet("mine"));
        tokens().markUnusable(mine);

        assertThat(tokens().find(theirs)).contains(new ShopperTokens(theirs, micros(theirTokens), true));
    }

    @Test
    void bothTokensAreCiphertextAtRest() throws Exception {
        ShopperId shopper = newShopper().id();
        TokenSet saved = tokenSet("secret");
        tokens().save(shopper, saved);

        List<String> access = rawColumn("select access_token_enc from shopper_token where shopper_id = ?", shopper.value());
        List<String> refresh = rawColumn("select refresh_token_enc from shopper_token where shopper_id = ?", shopper.value());

        assertThat(access).singleElement().asString().matches("[0-9a-f]{8}:[A-Za-z0-9+/]+=*")
                .startsWith(keys.currentKeyId() + ":").doesNotContain(saved.accessToken().value());
        assertThat(refresh).singleElement().asString().matches("[0-9a-f]{8}:[A-Za-z0-9+/]+=*")
                .doesNotContain(saved.refreshToken());
    }

    @Test
    void tokensWrittenWithAnotherKeyFailLoudlyNamingTheKeyId() throws Exception {
        // Two instances with different keys on one fresh database: the second was started before the first
        // wrote anything (opening after that fails outright), so the mismatch shows when it reads.
        String shared = TestDatabase.newSchemaName();
        try (PostgresPersistence writer = PostgresPersistence.open(TestDatabase.settings(shared), keys);
             PostgresPersistence otherKey = PostgresPersistence.open(TestDatabase.settings(shared), TokenKeyRing.generate())) {
            ShopperId shopper = writer.shoppers().findOrCreate(new Provider("kroger"), new ProfileId("wrong-key-profile"),
                    Instant.parse("2026-11-22T12:00:00Z")).id();
            TokenSet saved = tokenSet("wrong-key");
            writer.tokens().save(shopper, saved);

            assertThatThrownBy(() -> otherKey.tokens().find(shopper))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(keys.currentKeyId())
                    .hasMessageNotContaining(saved.accessToken().value())
                    .hasMessageNotContaining(saved.refreshToken());
        } finally {
            TestDatabase.dropSchema(shared);
        }
    }

    @Test
    void aRotatedKeyRingStillReadsTokensWrittenBeforeTheRotation() throws Exception {
        ShopperId shopper = newShopper().id();
        TokenSet before = tokenSet("before-rotation");
        tokens().save(shopper, before);
        TokenKeyRing next = TokenKeyRing.generate();
        TokenKeyRing rotated = TokenKeyRing.fromBase64(next.currentKeyBase64(), List.of(keys.currentKeyBase64()));

        try (PostgresPersistence afterRotation = PostgresPersistence.open(TestDatabase.settings(schema), rotated)) {
            assertThat(afterRotation.tokens().find(shopper)).contains(new ShopperTokens(shopper, micros(before), true));

            afterRotation.tokens().save(shopper, before);
        }
        assertThat(rawColumn("select access_token_enc from shopper_token where shopper_id = ?", shopper.value()))
                .singleElement().asString().startsWith(next.currentKeyId() + ":");
    }

    @Test
    void aTokenCopiedIntoAnotherShoppersRowDoesNotDecrypt() throws Exception {
        ShopperId victim = newShopper().id();
        ShopperId attacker = newShopper().id();
        tokens().save(victim, tokenSet("victim"));
        tokens().save(attacker, tokenSet("attacker"));
        rawUpdate("update shopper_token set access_token_enc = (select access_token_enc from shopper_token where shopper_id = ?)"
                + " where shopper_id = ?", victim.value(), attacker.value());

        assertThatThrownBy(() -> tokens().find(attacker))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shopper_token.access_token_enc");
    }

    @Test
    void anAccessTokenCiphertextMovedIntoTheRefreshColumnDoesNotDecrypt() throws Exception {
        ShopperId shopper = newShopper().id();
        tokens().save(shopper, tokenSet("swap"));
        rawUpdate("update shopper_token set refresh_token_enc = access_token_enc where shopper_id = ?", shopper.value());

        assertThatThrownBy(() -> tokens().find(shopper)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void findForUpdateOutsideATransactionIsRefused() {
        ShopperId shopper = newShopper().id();

        assertThatThrownBy(() -> tokens().findForUpdate(shopper))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside Transactions.inTransaction");
    }

    @Test
    void findForUpdateInsideATransactionReadsTheTokens() {
        ShopperId shopper = newShopper().id();
        TokenSet saved = tokenSet("locked");
        tokens().save(shopper, saved);

        Optional<ShopperTokens> found = persistence.transactions().inTransaction(() -> tokens().findForUpdate(shopper));

        assertThat(found).contains(new ShopperTokens(shopper, micros(saved), true));
    }

    /**
     * The single-flight refresh across instances: while one transaction holds the lock and refreshes, a
     * second one waits, then reads what the first wrote instead of refreshing with a spent refresh token.
     */
    @Test
    @Timeout(120)
    void findForUpdateMakesASecondTransactionWaitUntilTheFirstCommits() throws Exception {
        ShopperId shopper = newShopper().id();
        tokens().save(shopper, tokenSet("before-refresh"));
        TokenSet refreshed = TokenSet.issued(new AccessToken("access-after-refresh"), "refresh-after-refresh",
                at(Duration.ofMinutes(29)), Duration.ofMinutes(30));
        CountDownLatch firstHoldsLock = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        CompletableFuture<Integer> secondPid = new CompletableFuture<>();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = threads.submit(() -> persistence.transactions().run(() -> {
                tokens().findForUpdate(shopper);
                firstHoldsLock.countDown();
                await(firstMayCommit);
                tokens().save(shopper, refreshed);
            }));
            await(firstHoldsLock);
            Future<Optional<ShopperTokens>> second = threads.submit(() -> persistence.transactions().inTransaction(() -> {
                secondPid.complete(persistence.jooq().current().fetchValue(org.jooq.impl.DSL.field("pg_backend_pid()", Integer.class)));
                return tokens().findForUpdate(shopper);
            }));

            waitUntilBlockedOnALock(secondPid.get());
            assertThat(second).isNotDone();
            firstMayCommit.countDown();
            first.get();

            assertThat(second.get()).contains(new ShopperTokens(shopper, micros(refreshed), true));
        } finally {
            firstMayCommit.countDown();
            threads.shutdownNow();
        }
    }

    private void waitUntilBlockedOnALock(int pid) throws Exception {
        try (Connection connection = TestDatabase.connect(schema);
             PreparedStatement waitEvent = connection.prepareStatement("select wait_event_type from pg_stat_activity where pid = ?")) {
            waitEvent.setInt(1, pid);
            while (true) {
                try (ResultSet row = waitEvent.executeQuery()) {
                    if (row.next() && "Lock".equals(row.getString(1))) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
