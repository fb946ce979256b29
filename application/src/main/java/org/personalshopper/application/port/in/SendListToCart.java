package org.personalshopper.application.port.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.personalshopper.domain.CartSubmission;
import org.personalshopper.domain.IdempotencyKey;
import org.personalshopper.domain.ListItemId;
import org.personalshopper.domain.Modality;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.ShoppingListId;

/**
 * Sends every open item of a list that has a confirmed pick to the shopper's cart, in one add, with the
 * same at-most-once guarantees as filling the cart directly (recorded in the cart history first, never
 * repeated after an ambiguous failure, an idempotency key answers the first result again). Sending the same
 * unchanged list again is refused unless the shopper asks for it explicitly ({@code again}).
 */
public interface SendListToCart {
    record SendList(ShopperId shopperId, ShoppingListId listId, Modality modality, boolean again,
                    Optional<IdempotencyKey> idempotencyKey) {
        public SendList {
            Objects.requireNonNull(shopperId, "shopperId");
            Objects.requireNonNull(listId, "listId");
            Objects.requireNonNull(modality, "modality");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        }
    }

    /** An item that went to the cart, with the product and quantity sent. */
    record SentItem(ListItemId itemId, String text, String upc, int quantity) {
    }

    /** An item that did not go, and why (no confirmed pick). */
    record UnsentItem(ListItemId itemId, String text, String reason) {
    }

    /** What was sent: the recorded cart submission (its outcome says whether the provider took it). */
    record ListSent(CartSubmission submission, boolean replayed, List<SentItem> sent, List<UnsentItem> notSent) {
        public ListSent {
            Objects.requireNonNull(submission, "submission");
            sent = List.copyOf(sent);
            notSent = List.copyOf(notSent);
        }
    }

    /**
     * @throws NotFoundException when the shopper has no such list
     * @throws NothingToSendException when no open item has a confirmed pick
     * @throws ListAlreadySentException when this unchanged list was sent before and {@code again} is false
     * @throws IdempotencyConflictException when the same key is still in flight
     * @throws SignInRequiredException when the shopper's cart connection is gone
     */
    ListSent send(SendList command);
}
