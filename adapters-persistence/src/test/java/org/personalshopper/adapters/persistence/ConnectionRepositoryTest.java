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
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.personalshopper.application.contract.ConnectionRepositoryContract;
import org.personalshopper.application.port.out.ConnectionRepository;
import org.personalshopper.application.port.out.ConnectionSummary;
import org.personalshopper.application.port.out.SessionRepository;
import org.personalshopper.application.port.out.Transactions;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.SecretHash;
import org.personalshopper.domain.Session;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.TokenSet;

/** The jOOQ ConnectionRepository against its contract, and what only the database adds: encryption, locks. */
class ConnectionRepositoryTest extends DatabaseTest implements ConnectionRepositoryContract {
    private static final ProfileId PROFILE = new ProfileId("profile-at-kroger");

    @Override
    public ConnectionRepository connections() {
        return persistence.connections();
    }

    @Override
    public SessionRepository sessionsOfTheStore() {
        return persistence.sessions();
    }

    @Override
    public Transactions transactions() {
        return persistence.transactions();
    }

    private ConnectionRepository tokens() {
        return persistence.connections();
    }

    private static TokenSet tokenSet(String tag) {
        return TokenSet.issued(new AccessToken("access-" + tag + "-" + UUID.randomUUID()), "refresh-" + tag + "-" + UUID.randomUUID(),
                T0, Duration.ofMinutes(30));
    }

    private static TokenSet micros(TokenSet tokens) {
        return new TokenSet(tokens.accessToken(), tokens.refreshToken(), DatabaseTest.micros(tokens.issuedAt()),
                DatabaseTest.micros(tokens.accessTokenExpiresAt()));
    }

    private static ProfileId someone() {
        return new ProfileId(UUID.randomUUID().toString());
    }

    private Optional<TokenSet> stored(ShopperId shopper) {
        return tokens().find(shopper, ConnectionRepositoryContract.KROGER).map(org.personalshopper.domain.Connection::tokens);
    }

    @Test
    void twentyFirstSignInsRacingToLinkOneAccountLeaveItWithOneShopper() throws Exception {
        ProfileId profile = someone();
        List<ShopperId> candidates = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            candidates.add(newShopper().id());
        }

        List<Boolean> linked = race(20, i -> persistence.transactions().inTransaction(
                () -> tokens().save(candidates.get(i), ConnectionRepositoryContract.KROGER, profile, tokenSet("race-" + i))));

        assertThat(linked).containsOnlyOnce(true);
        assertThat(rawColumn("select shopper_id from shopper_connection where provider = 'kroger' and profile_id = ?",
                profile.value())).containsExactly(candidates.get(linked.indexOf(true)).toString());
    }

    @Test
    void bothTokensAreCiphertextAtRest() throws Exception {
        ShopperId shopper = newShopper().id();
        TokenSet saved = tokenSet("secret");
        tokens().save(shopper, ConnectionRepositoryContract.KROGER, PROFILE, saved);

        List<String> access = rawColumn("select access_token_enc from shopper_connection where shopper_id = ?", shopper.value());
        List<String> refresh = rawColumn("select refresh_token_enc from shopper_connection where shopper_id = ?", shopper.value());

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
            ShopperId shopper = writer.shoppers().create(Instant.parse("2026-11-22T12:00:00Z")).id();
            TokenSet saved = tokenSet("wrong-key");
            writer.connections().save(shopper, ConnectionRepositoryContract.KROGER, PROFILE, saved);

            assertThatThrownBy(() -> otherKey.connections().find(shopper, ConnectionRepositoryContract.KROGER))
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
        tokens().save(shopper, ConnectionRepositoryContract.KROGER, someone(), before);
        TokenKeyRing next = TokenKeyRing.generate();
        TokenKeyRing rotated = TokenKeyRing.fromBase64(next.currentKeyBase64(), List.of(keys.currentKeyBase64()));

        try (PostgresPersistence afterRotation = PostgresPersistence.open(TestDatabase.settings(schema), rotated)) {
            assertThat(afterRotation.connections().find(shopper, ConnectionRepositoryContract.KROGER).map(c -> c.tokens())).contains(micros(before));

            afterRotation.connections().saveTokens(shopper, ConnectionRepositoryContract.KROGER, before);
        }
        assertThat(rawColumn("select access_token_enc from shopper_connection where shopper_id = ?", shopper.value()))
                .singleElement().asString().startsWith(next.currentKeyId() + ":");
    }

    @Test
    void aTokenCopiedIntoAnotherShoppersRowDoesNotDecrypt() throws Exception {
        ShopperId victim = newShopper().id();
        ShopperId attacker = newShopper().id();
        tokens().save(victim, ConnectionRepositoryContract.KROGER, someone(), tokenSet("victim"));
        tokens().save(attacker, ConnectionRepositoryContract.KROGER, someone(), tokenSet("attacker"));
        rawUpdate("update shopper_connection set access_token_enc = (select access_token_enc from shopper_connection where shopper_id = ?)"
                + " where shopper_id = ?", victim.value(), attacker.value());

        assertThatThrownBy(() -> tokens().find(attacker, ConnectionRepositoryContract.KROGER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shopper_connection.access_token_enc");
    }

    @Test
    void aTokenCopiedIntoTheSameShoppersConnectionToAnotherProviderDoesNotDecrypt() throws Exception {
        ShopperId shopper = newShopper().id();
        tokens().save(shopper, ConnectionRepositoryContract.KROGER, someone(), tokenSet("kroger"));
        tokens().save(shopper, new Provider("foodin"), someone(), tokenSet("foodin"));
        rawUpdate("update shopper_connection set access_token_enc = (select access_token_enc from shopper_connection"
                + " where shopper_id = ? and provider = 'kroger') where shopper_id = ? and provider = 'foodin'",
                shopper.value(), shopper.value());

        assertThatThrownBy(() -> tokens().find(shopper, new Provider("foodin"))).isInstanceOf(IllegalStateException.class);
        assertThat(tokens().find(shopper, ConnectionRepositoryContract.KROGER)).isPresent();
    }

    @Test
    void anAccessTokenCiphertextMovedIntoTheRefreshColumnDoesNotDecrypt() throws Exception {
        ShopperId shopper = newShopper().id();
        tokens().save(shopper, ConnectionRepositoryContract.KROGER, someone(), tokenSet("swap"));
        rawUpdate("update shopper_connection set refresh_token_enc = access_token_enc where shopper_id = ?", shopper.value());

        assertThatThrownBy(() -> tokens().find(shopper, ConnectionRepositoryContract.KROGER)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aConnectionsStatusIsReadWithoutDecryptingItsTokens() throws Exception {
        ShopperId shopper = newShopper().id();
        TokenSet saved = tokenSet("status");
        ProfileId profile = someone();
        assertThat(tokens().save(shopper, ConnectionRepositoryContract.KROGER, profile, saved)).isTrue();
        // Tokens this instance cannot decrypt (as under a key it lacks): a status still says what it knows.
        rawUpdate("update shopper_connection set access_token_enc = 'unreadable', refresh_token_enc = 'unreadable'"
                + " where shopper_id = ?", shopper.value());
        try {
            assertThatThrownBy(() -> tokens().list(shopper)).isInstanceOf(IllegalStateException.class);
            assertThat(tokens().summaries(shopper)).containsExactly(new ConnectionSummary(ConnectionRepositoryContract.KROGER,
                    profile, true, DatabaseTest.micros(saved.accessTokenExpiresAt())));
        } finally {
            // the schema is shared by this class's tests, and a later open checks every stored key id
            tokens().delete(shopper, ConnectionRepositoryContract.KROGER);
        }
    }

    @Test
    void findForUpdateOutsideATransactionIsRefused() {
        ShopperId shopper = newShopper().id();

        assertThatThrownBy(() -> tokens().findForUpdate(shopper, ConnectionRepositoryContract.KROGER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside Transactions.inTransaction");
    }

    @Test
    void findForUpdateInsideATransactionReadsTheTokens() {
        ShopperId shopper = newShopper().id();
        TokenSet saved = tokenSet("locked");
        tokens().save(shopper, ConnectionRepositoryContract.KROGER, someone(), saved);

        Optional<TokenSet> found = persistence.transactions().inTransaction(() -> tokens().findForUpdate(shopper, ConnectionRepositoryContract.KROGER))
                .map(org.personalshopper.domain.Connection::tokens);

        assertThat(found).contains(micros(saved));
    }

    /**
     * The single-flight refresh across instances: while one transaction holds the lock and refreshes, a
     * second one waits, then reads what the first wrote instead of refreshing with a spent refresh token.
     */
    @Test
    @Timeout(120)
    void findForUpdateMakesASecondTransactionWaitUntilTheFirstCommits() throws Exception {
        ShopperId shopper = newShopper().id();
        tokens().save(shopper, ConnectionRepositoryContract.KROGER, someone(), tokenSet("before-refresh"));
        TokenSet refreshed = TokenSet.issued(new AccessToken("access-after-refresh"), "refresh-after-refresh",
                at(Duration.ofMinutes(29)), Duration.ofMinutes(30));
        CountDownLatch firstHoldsLock = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        CompletableFuture<Integer> secondPid = new CompletableFuture<>();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = threads.submit(() -> persistence.transactions().run(() -> {
                tokens().findForUpdate(shopper, ConnectionRepositoryContract.KROGER);
                firstHoldsLock.countDown();
                await(firstMayCommit);
                tokens().saveTokens(shopper, ConnectionRepositoryContract.KROGER, refreshed);
            }));
            await(firstHoldsLock);
            Future<Optional<org.personalshopper.domain.Connection>> second = threads.submit(() -> persistence.transactions().inTransaction(() -> {
                secondPid.complete(persistence.jooq().current().fetchValue(org.jooq.impl.DSL.field("pg_backend_pid()", Integer.class)));
                return tokens().findForUpdate(shopper, ConnectionRepositoryContract.KROGER);
            }));

            waitUntilBlockedOnALock(secondPid.get());
            assertThat(second).isNotDone();
            firstMayCommit.countDown();
            first.get();

            assertThat(second.get().map(org.personalshopper.domain.Connection::tokens)).contains(micros(refreshed));
        } finally {
            firstMayCommit.countDown();
            threads.shutdownNow();
        }
    }

    /**
     * A shopper signing in with the same account from several tabs or devices at once: every sign-in saves the
     * connection, none fails. (The benchmark's 16 concurrent sign-ins of one account found a save that hit the
     * primary key instead of its upsert's conflict target.)
     */
    @Test
    @Timeout(120)
    void concurrentSavesOfTheSameAccountAllSucceed() throws Exception {
        ShopperId shopper = newShopper().id();
        ProfileId account = someone();
        tokens().save(shopper, ConnectionRepositoryContract.KROGER, account, tokenSet("first"));
        int threads = 16;
        int savesEach = 400;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    await(start);
                    int saved = 0;
                    for (int i = 0; i < savesEach; i++) {
                        if (persistence.transactions().inTransaction(() ->
                                tokens().save(shopper, ConnectionRepositoryContract.KROGER, account, tokenSet("again")))) {
                            saved++;
                        }
                    }
                    return saved;
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(savesEach);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(tokens().summaries(shopper)).hasSize(1);
    }

    /**
     * The sign-in's renewal and session go to the database as two statements in one round trip: they must
     * commit together or not at all (the driver sends one Sync, so they are one implicit transaction).
     */
    @Test
    void statementsSentTogetherCommitTogetherOrNotAtAll() {
        ShopperId shopper = newShopper().id();
        SecretHash idHash = SecretHash.of(UUID.randomUUID().toString());

        assertThatThrownBy(() -> PlainSql.executeTogether(persistence.jooq().current(),
                "insert into shopper_session (id_hash, shopper_id, created_at, last_used_at) values (?, ?, now(), now());"
                        + " delete from shopper_session where shopper_id = ? and 1 / 0 = 1", idHash.hex(), shopper.value(), shopper.value()))
                .isInstanceOf(RuntimeException.class);

        assertThat(persistence.sessions().find(idHash)).as("the first statement rolled back with the second").isEmpty();
        int[] counts = PlainSql.executeTogether(persistence.jooq().current(),
                "insert into shopper_session (id_hash, shopper_id, created_at, last_used_at) values (?, ?, now(), now());"
                        + " delete from shopper_session where shopper_id = ? and id_hash <> ?", idHash.hex(), shopper.value(), shopper.value(),
                idHash.hex());
        assertThat(counts).containsExactly(1, 0);
        assertThat(persistence.sessions().find(idHash)).isPresent();
    }

    /**
     * Sign-ins with one account from several devices at once: a renewal that waited for the account's row
     * lock caps the sessions committed while it waited, so the shopper keeps no more than the cap (the cap's
     * statement takes its snapshot after the wait; in the renewal's own statement it would not see them).
     */
    @Test
    @Timeout(120)
    void aRenewalThatWaitedForTheAccountCapsTheSessionsCommittedMeanwhile() throws Exception {
        ShopperId shopper = newShopper().id();
        ProfileId account = someone();
        tokens().save(shopper, ConnectionRepositoryContract.KROGER, account, tokenSet("first"));
        Session fresh = new Session(SecretHash.of(UUID.randomUUID().toString()), shopper, at(Duration.ofHours(1)), at(Duration.ofHours(1)));
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try (Connection holder = TestDatabase.connect(schema)) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select 1 from shopper_connection where shopper_id = ? for update")) {
                lock.setObject(1, shopper.value());
                lock.executeQuery().close();
            }
            Future<Boolean> renewal = thread.submit(() -> tokens().renewWithSession(shopper, ConnectionRepositoryContract.KROGER,
                    account, tokenSet("again"), fresh, 2));
            waitUntilARenewalWaitsOnALock();
            try (PreparedStatement insert = holder.prepareStatement("insert into shopper_session (id_hash, shopper_id, created_at,"
                    + " last_used_at) values (?, ?, ?, ?)")) {
                for (int i = 0; i < 3; i++) {
                    insert.setString(1, SecretHash.of(UUID.randomUUID().toString()).hex());
                    insert.setObject(2, shopper.value());
                    insert.setObject(3, Rows.utc(at(Duration.ofMinutes(i))));
                    insert.setObject(4, Rows.utc(at(Duration.ofMinutes(i))));
                    insert.executeUpdate();
                }
            }
            assertThat(renewal).isNotDone();
            holder.commit();

            assertThat(renewal.get()).isTrue();
        } finally {
            thread.shutdownNow();
        }
        assertThat(rawColumn("select count(*) from shopper_session where shopper_id = '" + shopper.value() + "'")).containsExactly("2");
        assertThat(persistence.sessions().find(fresh.idHash())).isPresent();
    }

    private void waitUntilARenewalWaitsOnALock() throws Exception {
        try (Connection connection = TestDatabase.connect(schema);
             PreparedStatement waiting = connection.prepareStatement("select count(*) from pg_stat_activity"
                     + " where wait_event_type = 'Lock' and query like 'with renewed as%'")) {
            while (true) {
                try (ResultSet row = waiting.executeQuery()) {
                    if (row.next() && row.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
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

    @Test
    void aStoredConnectionTheDomainRefusesIsOurFaultNotTheCallersInput() throws Exception {
        ShopperId shopper = newShopperId();
        tokens().save(shopper, ConnectionRepositoryContract.KROGER, someone(), tokenSet("corrupt"));
        // a profile id is visible ASCII: a space is not
        rawUpdate("update shopper_connection set profile_id = ? where shopper_id = ?", "Private Person", shopper.value());

        assertStoredRowRefused(() -> tokens().find(shopper, ConnectionRepositoryContract.KROGER), "shopper_connection", "profileId", "Private");
        assertStoredRowRefused(() -> tokens().list(shopper), "shopper_connection", "profileId", "Private");
        assertStoredRowRefused(() -> tokens().summaries(shopper), "shopper_connection", "profileId", "Private");
        assertStoredRowRefused(() -> persistence.transactions().inTransaction(() -> tokens().findForUpdate(shopper, ConnectionRepositoryContract.KROGER)),
                "shopper_connection", "profileId", "Private");
    }
}
