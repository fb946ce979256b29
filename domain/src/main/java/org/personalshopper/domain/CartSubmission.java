package org.personalshopper.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One request to add items to a shopper's provider cart, kept as history because the cart itself cannot be
 * read back. {@code failure} and {@code detail} (short, safe text) explain a failed or unknown outcome.
 *
 * <p>A state machine: a submission starts {@link #pending}, and only a pending one moves, once, to
 * {@link #added ADDED}, {@link #failedWith FAILED or UNKNOWN by the provider's answer},
 * {@link #failedBeforeSending FAILED before anything was sent}, or {@link #unknown UNKNOWN}. The constructor
 * (used to read a stored submission back) accepts only states these moves can reach.
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
        reachable(outcome, failure, detail, completedAt);
    }

    /** The states the moves below can produce; anything else is refused. */
    private static void reachable(CartOutcome outcome, Optional<ProviderFailure> failure, Optional<String> detail,
                                  Optional<Instant> completedAt) {
        boolean ok = switch (outcome) {
            case PENDING -> completedAt.isEmpty() && failure.isEmpty() && detail.isEmpty();
            case ADDED -> completedAt.isPresent() && failure.isEmpty() && detail.isEmpty();
            case FAILED, UNKNOWN -> completedAt.isPresent() && detail.isPresent();
        };
        if (!ok) {
            throw new IllegalStateException("a cart submission cannot be " + outcome + " with failure " + failure
                    + ", " + (detail.isPresent() ? "a" : "no") + " detail and " + (completedAt.isPresent() ? "a" : "no")
                    + " completion time");
        }
    }

    public static CartSubmission pending(ShopperId shopperId, Optional<IdempotencyKey> key, List<CartItem> items, Instant now) {
        return new CartSubmission(CartSubmissionId.random(), shopperId, key, items, CartOutcome.PENDING,
                Optional.empty(), Optional.empty(), now, Optional.empty());
    }

    /** The provider took the items. */
    public CartSubmission added(Instant now) {
        return complete(CartOutcome.ADDED, Optional.empty(), Optional.empty(), now);
    }

    /** Failed for sure when the provider's failure guarantees nothing landed; otherwise the outcome is unknown. */
    public CartSubmission failedWith(ProviderFailure why, String safeDetail, Instant now) {
        CartOutcome result = why.mayHaveTakenEffect() ? CartOutcome.UNKNOWN : CartOutcome.FAILED;
        return complete(result, Optional.of(why), Optional.of(safeDetail), now);
    }

    /** Nothing reached the provider (e.g. the sign-in had to be renewed first and could not be). */
    public CartSubmission failedBeforeSending(Optional<ProviderFailure> why, String safeDetail, Instant now) {
        return complete(CartOutcome.FAILED, why, Optional.of(safeDetail), now);
    }

    /** Whether the provider received the add cannot be told (our failure mid-send, or a send cut off by a stop). */
    public CartSubmission unknown(String safeDetail, Instant now) {
        return complete(CartOutcome.UNKNOWN, Optional.empty(), Optional.of(safeDetail), now);
    }

    private CartSubmission complete(CartOutcome result, Optional<ProviderFailure> why, Optional<String> safeDetail, Instant now) {
        if (outcome != CartOutcome.PENDING) {
            throw new IllegalStateException("a cart submission is completed once; this one is already " + outcome);
        }
        return new CartSubmission(id, shopperId, idempotencyKey, items, result, why, safeDetail, submittedAt, Optional.of(now));
    }
}
