package org.personalshopper.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.personalshopper.application.contract.RepositoryContract.after;

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

/** What every {@code CartSubmissionRepository} must do; run against the in-memory fake and the jOOQ implementation. */
public interface CartSubmissionRepositoryContract extends RepositoryContract {
    CartSubmissionRepository carts();

    Duration KEY_LIFETIME = Duration.ofHours(24);

    List<CartItem> ITEMS = List.of(
            new CartItem(new Upc("0001111041700"), new Quantity(2), Modality.PICKUP),
            new CartItem(new Upc("0001111060903"), new Quantity(1), Modality.DELIVERY),
            new CartItem(new Upc("0000000004011"), new Quantity(6), Modality.PICKUP));

    private IdempotencyKey newKey() {
        return new IdempotencyKey("key-" + UUID.randomUUID());
    }

    private CartSubmission pending(ShopperId shopper, Optional<IdempotencyKey> key, Instant at) {
        return CartSubmission.pending(shopper, key, ITEMS, at);
    }

    private CartSubmission stored(CartSubmission s) {
        return new CartSubmission(s.id(), s.shopperId(), s.idempotencyKey(), s.items(), s.outcome(), s.failure(), s.detail(),
                kept(s.submittedAt()), s.completedAt().map(this::kept));
    }

    String FINGERPRINT = "a".repeat(64);

    private Optional<CartSubmission> start(CartSubmission pending) {
        return startAs(pending, FINGERPRINT).map(CartSubmissionRepository.EarlierUse::submission);
    }

    private Optional<CartSubmissionRepository.EarlierUse> startAs(CartSubmission pending, String fingerprint) {
        return carts().startUnlessKeyUsed(pending, fingerprint, pending.submittedAt().minus(KEY_LIFETIME));
    }

    @Test
    default void theEarlierUseOfAKeyComesBackWithTheFingerprintOfItsRequest() {
        ShopperId shopper = newShopperId();
        IdempotencyKey key = newKey();
        startAs(pending(shopper, Optional.of(key), START), "b".repeat(64));

        Optional<CartSubmissionRepository.EarlierUse> again = startAs(pending(shopper, Optional.of(key), START), "c".repeat(64));

        assertThat(again).hasValueSatisfying(use -> {
            assertThat(use.requestFingerprint()).contains("b".repeat(64));
            assertThat(use.sameRequestAs("c".repeat(64))).isFalse();
            assertThat(use.sameRequestAs("b".repeat(64))).isTrue();
        });
        assertThat(carts().history(shopper, 10)).hasSize(1);
    }

    @Test
    default void aSubmissionWithoutKeyIsStoredWithItsItemsInOrder() {
        ShopperId shopper = newShopperId();
        CartSubmission submission = pending(shopper, Optional.empty(), START);

        assertThat(start(submission)).isEmpty();

        assertThat(carts().history(shopper, 10)).containsExactly(stored(submission));
    }

    @Test
    default void aKeyUsedAgainWithin24HoursReturnsTheFirstSubmissionAndStoresNothing() {
        ShopperId shopper = newShopperId();
        IdempotencyKey key = newKey();
        CartSubmission first = pending(shopper, Optional.of(key), START);
        start(first);

        Optional<CartSubmission> repeated = start(pending(shopper, Optional.of(key), after(Duration.ofHours(23))));

        assertThat(repeated).contains(stored(first));
        assertThat(carts().history(shopper, 10)).containsExactly(stored(first));
    }

    @Test
    default void twentyConcurrentStartsWithOneKeyStoreExactlyOne() throws Exception {
        ShopperId shopper = newShopperId();
        IdempotencyKey key = newKey();

        List<Optional<CartSubmission>> answers = Race.race(20, i -> start(pending(shopper, Optional.of(key), START)));

        assertThat(answers).filteredOn(Optional::isEmpty).hasSize(1);
        List<CartSubmission> history = carts().history(shopper, 50);
        assertThat(history).hasSize(1);
        assertThat(answers).filteredOn(Optional::isPresent).extracting(Optional::get).containsOnly(history.get(0));
    }

    @Test
    default void aKeyOlderThan24HoursIsReleasedAndTheNewSubmissionStored() {
        ShopperId shopper = newShopperId();
        IdempotencyKey key = newKey();
        CartSubmission old = pending(shopper, Optional.of(key), START);
        start(old);
        CartSubmission again = pending(shopper, Optional.of(key), after(Duration.ofHours(25)));

        assertThat(start(again)).isEmpty();

        CartSubmission oldWithoutKey = new CartSubmission(old.id(), shopper, Optional.empty(), ITEMS, CartOutcome.PENDING,
                Optional.empty(), Optional.empty(), kept(START), Optional.empty());
        assertThat(carts().history(shopper, 10)).containsExactly(stored(again), oldWithoutKey);
        assertThat(start(pending(shopper, Optional.of(key), after(Duration.ofHours(26))))).contains(stored(again));
    }

    @Test
    default void twoShoppersMayUseTheSameKey() {
        ShopperId mine = newShopperId();
        ShopperId theirs = newShopperId();
        IdempotencyKey key = newKey();
        start(pending(theirs, Optional.of(key), START));

        assertThat(start(pending(mine, Optional.of(key), START))).isEmpty();
        assertThat(carts().history(mine, 10)).hasSize(1);
        assertThat(carts().history(theirs, 10)).hasSize(1);
    }

    @Test
    default void completingStoresTheOutcome() {
        ShopperId shopper = newShopperId();
        CartSubmission added = pending(shopper, Optional.of(newKey()), START);
        CartSubmission unknown = pending(shopper, Optional.empty(), after(Duration.ofMinutes(1)));
        start(added);
        start(unknown);

        carts().complete(added.added(after(Duration.ofSeconds(2))));
        carts().complete(unknown.failedWith(ProviderFailure.TIMED_OUT, "the grocer did not answer in time", after(Duration.ofMinutes(2))));

        List<CartSubmission> history = carts().history(shopper, 10);
        assertThat(history).containsExactly(
                stored(unknown.failedWith(ProviderFailure.TIMED_OUT, "the grocer did not answer in time", after(Duration.ofMinutes(2)))),
                stored(added.added(after(Duration.ofSeconds(2)))));
        assertThat(history.get(0).outcome()).isEqualTo(CartOutcome.UNKNOWN);
    }

    @Test
    default void onlySubmissionsPendingSinceBeforeTheCutoffAreSettledAsUnknown() {
        ShopperId shopper = newShopperId();
        CartSubmission abandoned = pending(shopper, Optional.of(newKey()), START);
        CartSubmission inFlight = pending(shopper, Optional.empty(), after(Duration.ofMinutes(20)));
        CartSubmission finished = pending(shopper, Optional.empty(), after(Duration.ofSeconds(1)));
        start(abandoned);
        start(inFlight);
        start(finished);
        carts().complete(finished.added(after(Duration.ofSeconds(2))));

        int settled = carts().settleAbandoned(after(Duration.ofMinutes(10)), "the service stopped while sending", after(Duration.ofMinutes(21)));

        assertThat(settled).isPositive();
        assertThat(carts().history(shopper, 10)).containsExactly(
                stored(inFlight),
                stored(finished.added(after(Duration.ofSeconds(2)))),
                stored(new CartSubmission(abandoned.id(), shopper, abandoned.idempotencyKey(), ITEMS, CartOutcome.UNKNOWN,
                        Optional.empty(), Optional.of("the service stopped while sending"), START,
                        Optional.of(after(Duration.ofMinutes(21))))));
        assertThat(start(pending(shopper, abandoned.idempotencyKey(), after(Duration.ofMinutes(22)))))
                .as("its key answers the settled outcome").hasValueSatisfying(s -> assertThat(s.outcome()).isEqualTo(CartOutcome.UNKNOWN));
    }

    @Test
    default void anOutcomeIsFinal() {
        ShopperId shopper = newShopperId();
        CartSubmission submission = pending(shopper, Optional.empty(), START);
        start(submission);
        carts().complete(submission.added(after(Duration.ofSeconds(1))));

        assertThatThrownBy(() -> carts().complete(submission.failedWith(ProviderFailure.UNAVAILABLE, "late", after(Duration.ofSeconds(9)))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(carts().history(shopper, 1).get(0).outcome()).isEqualTo(CartOutcome.ADDED);
    }

    @Test
    default void aShopperCannotCompleteAnotherShoppersSubmission() {
        ShopperId mine = newShopperId();
        ShopperId theirs = newShopperId();
        CartSubmission theirSubmission = pending(theirs, Optional.empty(), START);
        start(theirSubmission);
        CartSubmission forged = new CartSubmission(theirSubmission.id(), mine, Optional.empty(), ITEMS, CartOutcome.FAILED,
                Optional.of(ProviderFailure.REJECTED), Optional.of("forged"), START, Optional.of(START));

        assertThatThrownBy(() -> carts().complete(forged)).isInstanceOf(IllegalStateException.class);
        assertThat(carts().history(theirs, 10)).containsExactly(stored(theirSubmission));
    }

    @Test
    default void historyIsNewestFirstAndLimited() {
        ShopperId shopper = newShopperId();
        CartSubmission first = pending(shopper, Optional.empty(), START);
        CartSubmission second = pending(shopper, Optional.empty(), after(Duration.ofMinutes(1)));
        CartSubmission third = pending(shopper, Optional.empty(), after(Duration.ofMinutes(2)));
        CartSubmission sameMomentAsThird = pending(shopper, Optional.empty(), after(Duration.ofMinutes(2)));
        start(first);
        start(third);
        start(second);
        start(sameMomentAsThird);

        assertThat(carts().history(shopper, 10)).extracting(CartSubmission::id)
                .containsExactly(sameMomentAsThird.id(), third.id(), second.id(), first.id());
        assertThat(carts().history(shopper, 2)).extracting(CartSubmission::id).containsExactly(sameMomentAsThird.id(), third.id());
        assertThat(carts().history(newShopperId(), 10)).isEmpty();
    }

    @Test
    default void aVeryLongFailureDetailIsShortenedToFit() {
        ShopperId shopper = newShopperId();
        CartSubmission submission = pending(shopper, Optional.empty(), START);
        start(submission);

        carts().complete(submission.failedWith(ProviderFailure.REJECTED, "x".repeat(800), after(Duration.ofSeconds(1))));

        assertThat(carts().history(shopper, 1).get(0).detail()).hasValueSatisfying(d -> assertThat(d).hasSize(500));
    }

    @Test
    default void anUnknownSubmissionCannotBeCompleted() {
        CartSubmission never = new CartSubmission(CartSubmissionId.random(), newShopperId(), Optional.empty(), ITEMS,
                CartOutcome.ADDED, Optional.empty(), Optional.empty(), START, Optional.of(START));

        assertThatThrownBy(() -> carts().complete(never)).isInstanceOf(IllegalStateException.class);
    }
}
