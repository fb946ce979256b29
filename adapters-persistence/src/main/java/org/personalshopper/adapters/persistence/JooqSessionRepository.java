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
    /** Every sign-in runs this after creating its session: fixed SQL too. */
    private static final String KEEP_NEWEST = "delete from shopper_session where shopper_id = ? and id_hash not in"
            + " (select id_hash from shopper_session where shopper_id = ? order by created_at desc, id_hash desc limit ?)";

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
        return PlainSql.one(transactions.current(), FIND, row -> new Session(idHash, new ShopperId(row.getObject(1, UUID.class)),
                PlainSql.instant(row, 2), PlainSql.instant(row, 3)), idHash.hex());
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
        return PlainSql.execute(transactions.current(), KEEP_NEWEST, shopperId.value(), shopperId.value(), keep);
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
