package org.personalshopper.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One request to add items to a shopper's grocer cart, kept as history because the cart itself cannot be
 * read back. {@code failure} and {@code detail} (short, safe text) explain a failed or unknown outcome.
 */
public record CartSubmission(CartSubmissionId id, ShopperId shopperId, Optional<IdempotencyKey> idempotencyKey,
                             List<CartItem> items, CartOutcome outcome, Optional<ProviderFailure> failure, Optional<String> detail,
                             Instant submittedAt, Optional<Instant> completedAt) {
    public CartSubmission {
        Check.requireNonNull(id, "id");
        Check.requireNonNull(shopperId, "shopperId");
        Check.requireNonNull(idempotencyKey, "idempotencyKey");
        Check.requireNonNull(items, "items");
        items = List.copyOf(items);
        if (items.isEmpty() || items.size() > CartItem.MAX_ITEMS_PER_ADD) {
            throw new InvalidValueException("items", "must hold 1 to " + CartItem.MAX_ITEMS_PER_ADD + " items");
        }
        Check.requireNonNull(outcome, "outcome");
        Check.requireNonNull(failure, "failure");
        Check.requireNonNull(detail, "detail");
        Check.requireNonNull(submittedAt, "submittedAt");
        Check.requireNonNull(completedAt, "completedAt");
    }

    public static CartSubmission pending(ShopperId shopperId, Optional<IdempotencyKey> key, List<CartItem> items, Instant now) {
        return new CartSubmission(CartSubmissionId.random(), shopperId, key, items, CartOutcome.PENDING,
                Optional.empty(), Optional.empty(), now, Optional.empty());
    }

    public CartSubmission added(Instant now) {
        return new CartSubmission(id, shopperId, idempotencyKey, items, CartOutcome.ADDED, Optional.empty(),
                Optional.empty(), submittedAt, Optional.of(now));
    }

    /** Failed for sure when the grocer's failure guarantees nothing landed; otherwise the outcome is unknown. */
    public CartSubmission failedWith(ProviderFailure why, String safeDetail, Instant now) {
        CartOutcome result = why.mayHaveTakenEffect() ? CartOutcome.UNKNOWN : CartOutcome.FAILED;
        return new CartSubmission(id, shopperId, idempotencyKey, items, result, Optional.of(why),
                Optional.of(safeDetail), submittedAt, Optional.of(now));
    }
}
