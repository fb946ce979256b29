package org.personalshopper.adapters.persistence;

import static org.personalshopper.adapters.persistence.jooq.Tables.SHOPPER_SESSION;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.personalshopper.application.port.out.SessionRepository;
import org.personalshopper.domain.SecretHash;
import org.personalshopper.domain.Session;
import org.personalshopper.domain.ShopperId;

/** Sessions keyed by the SHA-256 of their id; the id itself never reaches the database. */
final class JooqSessionRepository implements SessionRepository {
    /** Every authenticated request runs this: plain JDBC (see {@link PlainSql}). */
    private static final String CREATE =
            "insert into shopper_session (id_hash, shopper_id, created_at, last_used_at) values (?, ?, ?, ?)";
    private static final String FIND = "select shopper_id, created_at, last_used_at from shopper_session where id_hash = ?";
    /**
     * Every sign-in runs this: the insert and the cap in one statement (one round trip). The delete's snapshot
     * does not see the new row, so the new session is ranked in by the union and can never be the one that ends.
     */
    private static final String CREATE_KEEPING_NEWEST = "with fresh as (insert into shopper_session"
            + " (id_hash, shopper_id, created_at, last_used_at) values (?, ?, ?, ?) returning id_hash, created_at)"
            + " delete from shopper_session where id_hash in (select id_hash from"
            + " (select id_hash, created_at from shopper_session where shopper_id = ?"
            + " union all select id_hash, created_at from fresh) theirs"
            + " order by created_at desc, id_hash desc offset ?)";

    private final JooqTransactions transactions;

    JooqSessionRepository(JooqTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void create(Session session) {
        PlainSql.execute(transactions.current(), CREATE, session.idHash().hex(), session.shopperId().value(),
                Rows.utc(session.createdAt()), Rows.utc(session.lastUsedAt()));
    }

    @Override
    public Optional<Session> find(SecretHash idHash) {
        return PlainSql.one(transactions.current(), SHOPPER_SESSION.getName(), FIND,
                row -> new Session(idHash, new ShopperId(row.getObject(1, UUID.class)), PlainSql.instant(row, 2),
                        PlainSql.instant(row, 3)), idHash.hex());
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

    @Override
    public int createKeepingNewest(Session session, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1: the new session stays");
        }
        return PlainSql.execute(transactions.current(), CREATE_KEEPING_NEWEST, session.idHash().hex(),
                session.shopperId().value(), Rows.utc(session.createdAt()), Rows.utc(session.lastUsedAt()),
                session.shopperId().value(), keep);
    }

    @Override
    public int deleteExpired(Instant idleCutoff, Instant absoluteCutoff) {
        return transactions.current()
                .deleteFrom(SHOPPER_SESSION)
                .where(SHOPPER_SESSION.LAST_USED_AT.lt(Rows.utc(idleCutoff))
                        .or(SHOPPER_SESSION.CREATED_AT.lt(Rows.utc(absoluteCutoff))))
                .execute();
    }
}
