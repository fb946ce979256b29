package org.personalshopper.application.port.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.personalshopper.domain.CartItem;
import org.personalshopper.domain.CartSubmission;
import org.personalshopper.domain.IdempotencyKey;
import org.personalshopper.domain.Modality;
import org.personalshopper.domain.SelectionId;
import org.personalshopper.domain.ShopperId;

/**
 * Adds items, or the shopper's saved selections, to their grocer cart, at most once. Every submission is
 * recorded, whatever its outcome, because the grocer's cart cannot be read back.
 */
public interface FillCart {
    /** What to add: explicit items, or saved selections with their quantities. Exactly one is non-empty. */
    record FillCartCommand(ShopperId shopperId, Optional<IdempotencyKey> idempotencyKey, List<CartItem> items,
                           List<SelectionId> selectionIds, Modality selectionModality) {
        public FillCartCommand {
            Objects.requireNonNull(shopperId, "shopperId");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            items = List.copyOf(items);
            selectionIds = List.copyOf(selectionIds);
            Objects.requireNonNull(selectionModality, "selectionModality");
        }
    }

    /** The recorded submission; {@code replayed} when an earlier one with the same key is answered again. */
    record CartResult(CartSubmission submission, boolean replayed) {
    }

    /**
     * Sends the add once. A failed or unknown outcome is returned (and recorded), not thrown, so that a
     * repeated key can answer the same result.
     *
     * @throws IdempotencyConflictException when the same key is still in flight
     * @throws NotFoundException when a selection id is not the shopper's
     * @throws SignInRequiredException when the shopper's grocer connection is gone
     */
    CartResult add(FillCartCommand command);

    /** Newest first. */
    List<CartSubmission> history(ShopperId shopperId);
}
