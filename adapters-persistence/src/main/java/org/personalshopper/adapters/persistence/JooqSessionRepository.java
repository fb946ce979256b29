package org.personalshopper.adapters.persistence;

import static org.personalshopper.adapters.persistence.jooq.Tables.SHOPPER_SESSION;

import java.time.Instant;
import java.util.Optional;
import org.jooq.impl.DSL;
import org.personalshopper.adapters.persistence.jooq.tables.records.ShopperSessionRecord;
import org.personalshopper.application.port.out.SessionRepository;
import org.personalshopper.domain.SecretHash;
import org.personalshopper.domain.Session;
import org.personalshopper.domain.ShopperId;

/** Sessions keyed by the SHA-256 of their id; the id itself never reaches the database. */
final class JooqSessionRepository implements SessionRepository {
    private final JooqTransactions transactions;

    JooqSessionRepository(JooqTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void create(Session session) {
        transactions.current()
                .insertInto(SHOPPER_SESSION)
                .set(SHOPPER_SESSION.ID_HASH, session.idHash().hex())
                .set(SHOPPER_SESSION.SHOPPER_ID, session.shopperId().value())
                .set(SHOPPER_SESSION.CREATED_AT, Rows.utc(session.createdAt()))
                .set(SHOPPER_SESSION.LAST_USED_AT, Rows.utc(session.lastUsedAt()))
                .execute();
    }

    @Override
    public Optional<Session> find(SecretHash idHash) {
        return transactions.current().selectFrom(SHOPPER_SESSION).where(SHOPPER_SESSION.ID_HASH.eq(idHash.hex()))
                .fetchOptional().map(JooqSessionRepository::session);
    }

    /** Only ever forward: a late, slower request cannot shorten a session's idle deadline. */
    @Override
    public void touch(SecretHash idHash, Instant usedAt) {
        transactions.current()
                .update(SHOPPER_SESSION)
                .set(SHOPPER_SESSION.LAST_USED_AT, DSL.greatest(SHOPPER_SESSION.LAST_USED_AT, DSL.val(Rows.utc(usedAt))))
                .where(SHOPPER_SESSION.ID_HASH.eq(idHash.hex()))
                .execute();
    }

    @Override
    public void delete(SecretHash idHash) {
        transactions.current().deleteFrom(SHOPPER_SESSION).where(SHOPPER_SESSION.ID_HASH.eq(idHash.hex())).execute();
    }

    @Override
    public int deleteAll(ShopperId shopperId) {
        return transactions.current().deleteFrom(SHOPPER_SESSION).where(SHOPPER_SESSION.SHOPPER_ID.eq(shopperId.value())).execute();
    }

    /** One statement: every session of the shopper except the newest {@code keep} by sign-in time. */
    @Override
    public int keepNewest(ShopperId shopperId, int keep) {
        if (keep < 0) {
            throw new IllegalArgumentException("keep must not be negative");
        }
        return transactions.current()
                .deleteFrom(SHOPPER_SESSION)
                .where(SHOPPER_SESSION.SHOPPER_ID.eq(shopperId.value()))
                .and(SHOPPER_SESSION.ID_HASH.notIn(DSL.select(SHOPPER_SESSION.ID_HASH).from(SHOPPER_SESSION)
                        .where(SHOPPER_SESSION.SHOPPER_ID.eq(shopperId.value()))
                        .orderBy(SHOPPER_SESSION.CREATED_AT.desc(), SHOPPER_SESSION.ID_HASH.desc())
                        .limit(keep)))
                .execute();
    }

    @Override
    public int deleteExpired(Instant idleCutoff, Instant absoluteCutoff) {
        return transactions.current()
                .deleteFrom(SHOPPER_SESSION)
                .where(SHOPPER_SESSION.LAST_USED_AT.lt(Rows.utc(idleCutoff))
                        .or(SHOPPER_SESSION.CREATED_AT.lt(Rows.utc(absoluteCutoff))))
                .execute();
    }

    private static Session session(ShopperSessionRecord row) {
        return new Session(new SecretHash(row.getIdHash()), new ShopperId(row.getShopperId()),
                Rows.instant(row.getCreatedAt()), Rows.instant(row.getLastUsedAt()));
    }
}
