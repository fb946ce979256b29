package org.personalshopper.adapters.persistence;

import static org.personalshopper.adapters.persistence.jooq.Tables.GUIDANCE;

import java.util.List;
import org.personalshopper.adapters.persistence.jooq.tables.records.GuidanceRecord;
import org.personalshopper.application.port.out.GuidanceRepository;
import org.personalshopper.domain.Guidance;
import org.personalshopper.domain.GuidanceId;
import org.personalshopper.domain.GuidanceText;
import org.personalshopper.domain.ShopperId;

final class JooqGuidanceRepository implements GuidanceRepository {
    private final JooqTransactions transactions;
    private final ShopperLocks locks;

    JooqGuidanceRepository(JooqTransactions transactions, ShopperLocks locks) {
        this.transactions = transactions;
        this.locks = locks;
    }

    /** Lock the shopper, count, insert: all in one transaction, so concurrent adds stop exactly at the limit. */
    @Override
    public boolean addIfFewerThan(Guidance guidance, int limit) {
        return transactions.inTransaction(() -> {
            locks.lock(guidance.shopperId());
            if (count(guidance.shopperId()) >= limit) {
                return false;
            }
            transactions.current()
                    .insertInto(GUIDANCE)
                    .set(GUIDANCE.ID, guidance.id().value())
                    .set(GUIDANCE.SHOPPER_ID, guidance.shopperId().value())
                    .set(GUIDANCE.TEXT, guidance.text().value())
                    .set(GUIDANCE.CREATED_AT, Rows.utc(guidance.createdAt()))
                    .execute();
            return true;
        });
    }

    /** Oldest first; seq breaks ties between entries written in the same microsecond. */
    @Override
    public List<Guidance> list(ShopperId shopperId) {
        return transactions.current()
                .selectFrom(GUIDANCE)
                .where(GUIDANCE.SHOPPER_ID.eq(shopperId.value()))
                .orderBy(GUIDANCE.CREATED_AT, GUIDANCE.SEQ)
                .fetch(row -> Rows.read(GUIDANCE.getName(), row, JooqGuidanceRepository::guidance));
    }

    @Override
    public int count(ShopperId shopperId) {
        return transactions.current().fetchCount(GUIDANCE, GUIDANCE.SHOPPER_ID.eq(shopperId.value()));
    }

    @Override
    public boolean delete(ShopperId shopperId, GuidanceId id) {
        return transactions.current()
                .deleteFrom(GUIDANCE)
                .where(GUIDANCE.SHOPPER_ID.eq(shopperId.value()), GUIDANCE.ID.eq(id.value()))
                .execute() == 1;
    }

    private static Guidance guidance(GuidanceRecord row) {
        return new Guidance(new GuidanceId(row.getId()), new ShopperId(row.getShopperId()), new GuidanceText(row.getText()),
                Rows.instant(row.getCreatedAt()));
    }
}
