package org.personalshopper.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.contract.CartSubmissionRepositoryContract;
import org.personalshopper.application.port.out.CartSubmissionRepository;
import org.personalshopper.domain.CartItem;
import org.personalshopper.domain.CartSubmission;
import org.personalshopper.domain.IdempotencyKey;
import org.personalshopper.domain.Modality;
import org.personalshopper.domain.Quantity;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.Upc;

/** The jOOQ CartSubmissionRepository against its contract, and what only the database adds. */
class CartSubmissionRepositoryTest extends DatabaseTest implements CartSubmissionRepositoryContract {
    @Override
    public CartSubmissionRepository carts() {
        return persistence.cartSubmissions();
    }

    private static final Duration KEY_LIFETIME = Duration.ofHours(24);

    private static final List<CartItem> ITEMS = List.of(
            new CartItem(new Upc("0001111041700"), new Quantity(2), Modality.PICKUP),
            new CartItem(new Upc("0001111060903"), new Quantity(1), Modality.DELIVERY),
            new CartItem(new Upc("0000000004011"), new Quantity(6), Modality.PICKUP));

    private static IdempotencyKey newKey() {
        return new IdempotencyKey("key-" + UUID.randomUUID());
    }

    private static CartSubmission pending(ShopperId shopper, Optional<IdempotencyKey> key, Instant at) {
        return CartSubmission.pending(shopper, key, ITEMS, at);
    }

    private static CartSubmission stored(CartSubmission s) {
        return new CartSubmission(s.id(), s.shopperId(), s.idempotencyKey(), s.items(), s.outcome(), s.failure(), s.detail(),
                micros(s.submittedAt()), s.completedAt().map(DatabaseTest::micros));
    }

    private Optional<CartSubmission> start(CartSubmission pending) {
        return carts().startUnlessKeyUsed(pending, "a".repeat(64), pending.submittedAt().minus(KEY_LIFETIME))
                .map(CartSubmissionRepository.EarlierUse::submission);
    }

    @Test
    void aSubmissionForAnUnknownShopperIsRefused() {
        CartSubmission orphan = pending(ShopperId.random(), Optional.empty(), T0);

        assertThatThrownBy(() -> start(orphan)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStoredItemWhoseUpcTheDomainRefusesIsOurFaultNotTheShoppersInput() throws Exception {
        ShopperId shopper = newShopperId();
        CartSubmission sent = pending(shopper, Optional.of(newKey()), T0);
        start(sent);
        rawUpdate("update cart_submission_item set upc = ? where submission_id = ?", "PRIVATE-UPC", sent.id().value());

        assertStoredRowRefused(() -> carts().history(shopper, 10), "cart_submission_item", "upc", "PRIVATE");
        assertStoredRowRefused(() -> start(pending(shopper, sent.idempotencyKey(), T0)), "cart_submission_item", "upc", "PRIVATE");
    }

    @Test
    void aStoredFailureNoVersionKnowsIsOurFaultAndItsNameStaysOutOfTheMessage() throws Exception {
        ShopperId shopper = newShopperId();
        CartSubmission sent = pending(shopper, Optional.empty(), T0);
        start(sent);
        // an enum's valueOf quotes the name it did not find: that must not reach the message or the log
        rawUpdate("update cart_submission set outcome = 'FAILED', failure = ? where id = ?", "PRIVATE_FAILURE", sent.id().value());

        assertStoredRowRefused(() -> carts().history(shopper, 10), "cart_submission", "PRIVATE");
    }
}
