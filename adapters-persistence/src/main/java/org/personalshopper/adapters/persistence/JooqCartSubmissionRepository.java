package org.personalshopper.adapters.persistence;

import static org.personalshopper.adapters.persistence.jooq.Tables.CART_SUBMISSION;
import static org.personalshopper.adapters.persistence.jooq.Tables.CART_SUBMISSION_ITEM;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.InsertValuesStep5;
import org.personalshopper.adapters.persistence.jooq.tables.records.CartSubmissionItemRecord;
import org.personalshopper.adapters.persistence.jooq.tables.records.CartSubmissionRecord;
import org.personalshopper.application.port.out.CartSubmissionRepository;
import org.personalshopper.domain.CartItem;
import org.personalshopper.domain.CartOutcome;
import org.personalshopper.domain.CartSubmission;
import org.personalshopper.domain.CartSubmissionId;
import org.personalshopper.domain.IdempotencyKey;
import org.personalshopper.domain.Modality;
import org.personalshopper.domain.ProviderFailure;
import org.personalshopper.domain.Quantity;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.Upc;

final class JooqCartSubmissionRepository implements CartSubmissionRepository {
    private static final int DETAIL_MAX = 500;

    private final JooqTransactions transactions;
    private final ShopperLocks locks;

    JooqCartSubmissionRepository(JooqTransactions transactions, ShopperLocks locks) {
        this.transactions = transactions;
        this.locks = locks;
    }

    /**
     * In one transaction, with the shopper's row locked: release the key from a submission older than
     * {@code keyValidSince}, then INSERT ... ON CONFLICT DO NOTHING against the partial unique index on
     * (shopper_id, idempotency_key). Nothing inserted means the key is in use: that submission is returned.
     * The lock makes concurrent starts for one shopper take turns; the index would hold even without it.
     */
    @Override
    public Optional<EarlierUse> startUnlessKeyUsed(CartSubmission pending, String requestFingerprint, Instant keyValidSince) {
        if (pending.outcome() != CartOutcome.PENDING) {
            throw new IllegalArgumentException("a cart submission starts as PENDING");
        }
        if (!requestFingerprint.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a request fingerprint is a SHA-256 in lower-case hex");
        }
        return transactions.inTransaction(() -> {
            UUID shopper = pending.shopperId().value();
            Optional<String> key = pending.idempotencyKey().map(IdempotencyKey::value);
            locks.lock(pending.shopperId());
            if (key.isPresent()) {
                transactions.current()
                        .update(CART_SUBMISSION)
                        .setNull(CART_SUBMISSION.IDEMPOTENCY_KEY)
                        .where(CART_SUBMISSION.SHOPPER_ID.eq(shopper), CART_SUBMISSION.IDEMPOTENCY_KEY.eq(key.get()),
                                CART_SUBMISSION.SUBMITTED_AT.lt(Rows.utc(keyValidSince)))
                        .execute();
            }
            int inserted = transactions.current()
                    .insertInto(CART_SUBMISSION)
                    .set(CART_SUBMISSION.ID, pending.id().value())
                    .set(CART_SUBMISSION.SHOPPER_ID, shopper)
                    .set(CART_SUBMISSION.IDEMPOTENCY_KEY, key.orElse(null))
                    .set(CART_SUBMISSION.OUTCOME, pending.outcome().name())
                    .set(CART_SUBMISSION.SUBMITTED_AT, Rows.utc(pending.submittedAt()))
                    .set(CART_SUBMISSION.REQUEST_FINGERPRINT, requestFingerprint)
                    .onConflict(CART_SUBMISSION.SHOPPER_ID, CART_SUBMISSION.IDEMPOTENCY_KEY)
                    .where(CART_SUBMISSION.IDEMPOTENCY_KEY.isNotNull())
                    .doNothing()
                    .execute();
            if (inserted == 0) {
                CartSubmissionRecord earlier = transactions.current()
                        .selectFrom(CART_SUBMISSION)
                        .where(CART_SUBMISSION.SHOPPER_ID.eq(shopper), CART_SUBMISSION.IDEMPOTENCY_KEY.eq(key.orElseThrow()))
                        .fetchOne();
                if (earlier == null) {
                    throw new IllegalStateException("the cart submission holding this idempotency key vanished");
                }
                return Optional.of(new EarlierUse(withItems(List.of(earlier)).get(0),
                        Optional.ofNullable(earlier.getRequestFingerprint())));
            }
            InsertValuesStep5<CartSubmissionItemRecord, UUID, Integer, String, Integer, String> items = transactions.current()
                    .insertInto(CART_SUBMISSION_ITEM, CART_SUBMISSION_ITEM.SUBMISSION_ID, CART_SUBMISSION_ITEM.POSITION,
                            CART_SUBMISSION_ITEM.UPC, CART_SUBMISSION_ITEM.QUANTITY, CART_SUBMISSION_ITEM.MODALITY);
            for (int i = 0; i < pending.items().size(); i++) {
                CartItem item = pending.items().get(i);
                items = items.values(pending.id().value(), i, item.upc().value(), item.quantity().value(), item.modality().name());
            }
            items.execute();
            return Optional.empty();
        });
    }

    @Override
    public void complete(CartSubmission completed) {
        if (completed.outcome() == CartOutcome.PENDING) {
            throw new IllegalArgumentException("a completed cart submission needs a final outcome");
        }
        int updated = transactions.current()
                .update(CART_SUBMISSION)
                .set(CART_SUBMISSION.OUTCOME, completed.outcome().name())
                .set(CART_SUBMISSION.FAILURE, completed.failure().map(ProviderFailure::name).orElse(null))
                .set(CART_SUBMISSION.DETAIL, completed.detail().map(d -> Rows.fit(d, DETAIL_MAX)).orElse(null))
                .set(CART_SUBMISSION.COMPLETED_AT, completed.completedAt().map(Rows::utc).orElse(null))
                .where(CART_SUBMISSION.ID.eq(completed.id().value()),
                        CART_SUBMISSION.SHOPPER_ID.eq(completed.shopperId().value()),
                        // an outcome is final: a late second completion must not overwrite it
                        CART_SUBMISSION.OUTCOME.eq(CartOutcome.PENDING.name()))
                .execute();
        if (updated != 1) {
            throw new IllegalStateException("cart submission " + completed.id() + " is not a pending submission of this shopper");
        }
    }

    @Override
    public int settleAbandoned(Instant startedBefore, String detail, Instant now) {
        return transactions.current()
                .update(CART_SUBMISSION)
                .set(CART_SUBMISSION.OUTCOME, CartOutcome.UNKNOWN.name())
                .set(CART_SUBMISSION.DETAIL, Rows.fit(detail, DETAIL_MAX))
                .set(CART_SUBMISSION.COMPLETED_AT, Rows.utc(now))
                .where(CART_SUBMISSION.OUTCOME.eq(CartOutcome.PENDING.name()),
                        CART_SUBMISSION.SUBMITTED_AT.lt(Rows.utc(startedBefore)))
                .execute();
    }

    @Override
    public List<CartSubmission> history(ShopperId shopperId, int limit) {
        if (limit < 1) {
            return List.of();
        }
        List<CartSubmissionRecord> rows = transactions.current()
                .selectFrom(CART_SUBMISSION)
                .where(CART_SUBMISSION.SHOPPER_ID.eq(shopperId.value()))
                .orderBy(CART_SUBMISSION.SUBMITTED_AT.desc(), CART_SUBMISSION.SEQ.desc())
                .limit(limit)
                .fetch();
        return withItems(rows);
    }

    private List<CartSubmission> withItems(List<CartSubmissionRecord> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<CartItem>> items = new LinkedHashMap<>();
        rows.forEach(row -> items.put(row.getId(), new ArrayList<>()));
        transactions.current()
                .selectFrom(CART_SUBMISSION_ITEM)
                .where(CART_SUBMISSION_ITEM.SUBMISSION_ID.in(items.keySet()))
                .orderBy(CART_SUBMISSION_ITEM.SUBMISSION_ID, CART_SUBMISSION_ITEM.POSITION)
                .forEach(item -> items.get(item.getSubmissionId())
                        .add(Rows.read(CART_SUBMISSION_ITEM.getName(), item, JooqCartSubmissionRepository::item)));
        // one read over all the submissions' records: nothing allocated per row for the check
        return Rows.read(CART_SUBMISSION.getName(), rows,
                records -> records.stream().map(r -> submission(r, items.get(r.getId()))).toList());
    }

    private static CartItem item(CartSubmissionItemRecord item) {
        return new CartItem(new Upc(item.getUpc()), new Quantity(item.getQuantity()), Modality.valueOf(item.getModality()));
    }

    private static CartSubmission submission(CartSubmissionRecord row, List<CartItem> items) {
        return new CartSubmission(new CartSubmissionId(row.getId()), new ShopperId(row.getShopperId()),
                Optional.ofNullable(row.getIdempotencyKey()).map(IdempotencyKey::new), items,
                CartOutcome.valueOf(row.getOutcome()), Optional.ofNullable(row.getFailure()).map(ProviderFailure::valueOf),
                Optional.ofNullable(row.getDetail()), Rows.instant(row.getSubmittedAt()),
                Optional.ofNullable(row.getCompletedAt()).map(Rows::instant));
    }
}
