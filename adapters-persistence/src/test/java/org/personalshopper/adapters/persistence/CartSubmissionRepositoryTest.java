package org.personalshopper.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
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

class CartSubmissionRepositoryTest extends DatabaseTest {
    private static final Duration KEY_LIFETIME = Duration.ofHours(24);
    private static final List<CartItem> ITEMS = List.of(
            new CartItem(new Upc("0001111041700"), new Quantity(2), Modality.PICKUP),
            new CartItem(new Upc("0001111060903"), new Quantity(1), Modality.DELIVERY),
            new CartItem(new Upc("0000000004011"), new Quantity(6), Modality.PICKUP));

    private CartSubmissionRepository carts() {
        return persistence.cartSubmissions();
    }

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

    private static final String FINGERPRINT = "a".repeat(64);

    private Optional<CartSubmission> start(CartSubmission pending) {
        return startAs(pending, FINGERPRINT).map(CartSubmissionRepository.EarlierUse::submission);
    }

    private Optional<CartSubmissionRepository.EarlierUse> startAs(CartSubmission pending, String fingerprint) {
        return carts().startUnlessKeyUsed(pending, fingerprint, pending.submittedAt().minus(KEY_LIFETIME));
    }

    @Test
    void theEarlierUseOfAKeyComesBackWithTheFingerprintOfItsRequest() {
        ShopperId shopper = newShopper().id();
        IdempotencyKey key = newKey();
        startAs(pending(shopper, Optional.of(key), T0), "b".repeat(64));

        Optional<CartSubmissionRepository.EarlierUse> again = startAs(pending(shopper, Optional.of(key), T0), "c".repeat(64));

        assertThat(again).hasValueSatisfying(use -> {
            assertThat(use.requestFingerprint()).contains("b".repeat(64));
            assertThat(use.sameRequestAs("c".repeat(64))).isFalse();
            assertThat(use.sameRequestAs("b".repeat(64))).isTrue();
        });
        assertThat(carts().history(shopper, 10)).hasSize(1);
    }

    @Test
    void aSubmissionWithoutKeyIsStoredWithItsItemsInOrder() {
        ShopperId shopper = newShopper().id();
        CartSubmission submission = pending(shopper, Optional.empty(), T0);

        assertThat(start(submission)).isEmpty();

        assertThat(carts().history(shopper, 10)).containsExactly(stored(submission));
    }

    @Test
    void aKeyUsedAgainWithin24HoursReturnsTheFirstSubmissionAndStoresNothing() {
        ShopperId shopper = newShopper().id();
        IdempotencyKey key = newKey();
        CartSubmission first = pending(shopper, Optional.of(key), T0);
        start(first);

        Optional<CartSubmission> repeated = start(pending(shopper, Optional.of(key), at(Duration.ofHours(23))));

        assertThat(repeated).contains(stored(first));
        assertThat(carts().history(shopper, 10)).containsExactly(stored(first));
    }

    @Test
    void twentyConcurrentStartsWithOneKeyStoreExactlyOne() throws Exception {
        ShopperId shopper = newShopper().id();
        IdempotencyKey key = newKey();

        List<Optional<CartSubmission>> answers = race(20, i -> start(pending(shopper, Optional.of(key), T0)));

        assertThat(answers).filteredOn(Optional::isEmpty).hasSize(1);
        List<CartSubmission> history = carts().history(shopper, 50);
        assertThat(history).hasSize(1);
        assertThat(answers).filteredOn(Optional::isPresent).extracting(Optional::get).containsOnly(history.get(0));
    }

    @Test
    void aKeyOlderThan24HoursIsReleasedAndTheNewSubmissionStored() {
        ShopperId shopper = newShopper().id();
        IdempotencyKey key = newKey();
        CartSubmission old = pending(shopper, Optional.of(key), T0);
        start(old);
        CartSubmission again = pending(shopper, Optional.of(key), at(Duration.ofHours(25)));

        assertThat(start(again)).isEmpty();

        CartSubmission oldWithoutKey = new CartSubmission(old.id(), shopper, Optional.empty(), ITEMS, CartOutcome.PENDING,
                Optional.empty(), Optional.empty(), micros(T0), Optional.empty());
        assertThat(carts().history(shopper, 10)).containsExactly(stored(again), oldWithoutKey);
        assertThat(start(pending(shopper, Optional.of(key), at(Duration.ofHours(26))))).contains(stored(again));
    }

    @Test
    void twoShoppersMayUseTheSameKey() {
        ShopperId mine = newShopper().id();
        ShopperId theirs = newShopper().id();
        IdempotencyKey key = newKey();
        start(pending(theirs, Optional.of(key), T0));

        assertThat(start(pending(mine, Optional.of(key), T0))).isEmpty();
        assertThat(carts().history(mine, 10)).hasSize(1);
        assertThat(carts().history(theirs, 10)).hasSize(1);
    }

    @Test
    void completingStoresTheOutcome() {
        ShopperId shopper = newShopper().id();
        CartSubmission added = pending(shopper, Optional.of(newKey()), T0);
        CartSubmission unknown = pending(shopper, Optional.empty(), at(Duration.ofMinutes(1)));
        start(added);
        start(unknown);

        carts().complete(added.added(at(Duration.ofSeconds(2))));
        carts().complete(unknown.failedWith(ProviderFailure.TIMED_OUT, "the grocer did not answer in time", at(Duration.ofMinutes(2))));

        List<CartSubmission> history = carts().history(shopper, 10);
        assertThat(history).containsExactly(
                stored(unknown.failedWith(ProviderFailure.TIMED_OUT, "the grocer did not answer in time", at(Duration.ofMinutes(2)))),
                stored(added.added(at(Duration.ofSeconds(2)))));
        assertThat(history.get(0).outcome()).isEqualTo(CartOutcome.UNKNOWN);
    }

    @Test
    void onlySubmissionsPendingSinceBeforeTheCutoffAreSettledAsUnknown() {
        ShopperId shopper = newShopper().id();
        CartSubmission abandoned = pending(shopper, Optional.of(newKey()), T0);
        CartSubmission inFlight = pending(shopper, Optional.empty(), at(Duration.ofMinutes(20)));
        CartSubmission finished = pending(shopper, Optional.empty(), at(Duration.ofSeconds(1)));
        start(abandoned);
        start(inFlight);
        start(finished);
        carts().complete(finished.added(at(Duration.ofSeconds(2))));

        int settled = carts().settleAbandoned(at(Duration.ofMinutes(10)), "the service stopped while sending", at(Duration.ofMinutes(21)));

        assertThat(settled).isPositive();
        assertThat(carts().history(shopper, 10)).containsExactly(
                stored(inFlight),
                stored(finished.added(at(Duration.ofSeconds(2)))),
                stored(new CartSubmission(abandoned.id(), shopper, abandoned.idempotencyKey(), ITEMS, CartOutcome.UNKNOWN,
                        Optional.empty(), Optional.of("the service stopped while sending"), T0,
                        Optional.of(at(Duration.ofMinutes(21))))));
        assertThat(start(pending(shopper, abandoned.idempotencyKey(), at(Duration.ofMinutes(22)))))
                .as("its key answers the settled outcome").hasValueSatisfying(s -> assertThat(s.outcome()).isEqualTo(CartOutcome.UNKNOWN));
    }

    @Test
    void anOutcomeIsFinal() {
        ShopperId shopper = newShopper().id();
        CartSubmission submission = pending(shopper, Optional.empty(), T0);
        start(submission);
        carts().complete(submission.added(at(Duration.ofSeconds(1))));

        assertThatThrownBy(() -> carts().complete(submission.failedWith(ProviderFailure.UNAVAILABLE, "late", at(Duration.ofSeconds(9)))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(carts().history(shopper, 1).get(0).outcome()).isEqualTo(CartOutcome.ADDED);
    }

    @Test
    void aShopperCannotCompleteAnotherShoppersSubmission() {
        ShopperId mine = newShopper().id();
        ShopperId theirs = newShopper().id();
        CartSubmission theirSubmission = pending(theirs, Optional.empty(), T0);
        start(theirSubmission);
        CartSubmission forged = new CartSubmission(theirSubmission.id(), mine, Optional.empty(), ITEMS, CartOutcome.FAILED,
                Optional.of(ProviderFailure.REJECTED), Optional.of("forged"), T0, Optional.of(T0));

        assertThatThrownBy(() -> carts().complete(forged)).isInstanceOf(IllegalStateException.class);
        assertThat(carts().history(theirs, 10)).containsExactly(stored(theirSubmission));
    }

    @Test
    void historyIsNewestFirstAndLimited() {
        ShopperId shopper = newShopper().id();
        CartSubmission first = pending(shopper, Optional.empty(), T0);
        CartSubmission second = pending(shopper, Optional.empty(), at(Duration.ofMinutes(1)));
        CartSubmission third = pending(shopper, Optional.empty(), at(Duration.ofMinutes(2)));
        CartSubmission sameMomentAsThird = pending(shopper, Optional.empty(), at(Duration.ofMinutes(2)));
        start(first);
        start(third);
        start(second);
        start(sameMomentAsThird);

        assertThat(carts().history(shopper, 10)).extracting(CartSubmission::id)
                .containsExactly(sameMomentAsThird.id(), third.id(), second.id(), first.id());
        assertThat(carts().history(shopper, 2)).extracting(CartSubmission::id).containsExactly(sameMomentAsThird.id(), third.id());
        assertThat(carts().history(newShopper().id(), 10)).isEmpty();
    }

    @Test
    void aVeryLongFailureDetailIsShortenedToFit() {
        ShopperId shopper = newShopper().id();
        CartSubmission submission = pending(shopper, Optional.empty(), T0);
        start(submission);

        carts().complete(submission.failedWith(ProviderFailure.REJECTED, "x".repeat(800), at(Duration.ofSeconds(1))));

        assertThat(carts().history(shopper, 1).get(0).detail()).hasValueSatisfying(d -> assertThat(d).hasSize(500));
    }

    @Test
    void anUnknownSubmissionCannotBeCompleted() {
        CartSubmission never = new CartSubmission(CartSubmissionId.random(), newShopper().id(), Optional.empty(), ITEMS,
                CartOutcome.ADDED, Optional.empty(), Optional.empty(), T0, Optional.of(T0));

        assertThatThrownBy(() -> carts().complete(never)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSubmissionForAnUnknownShopperIsRefused() {
        CartSubmission orphan = pending(ShopperId.random(), Optional.empty(), T0);

        assertThatThrownBy(() -> start(orphan)).isInstanceOf(IllegalArgumentException.class);
    }
}
