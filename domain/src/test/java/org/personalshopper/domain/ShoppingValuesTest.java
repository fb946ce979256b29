package org.personalshopper.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShoppingValuesTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final List<CartItem> MILK = List.of(new CartItem(new Upc("0001111041700"), new Quantity(2), Modality.PICKUP));

    @Test
    void guidanceTextIsTrimmedAndOneTo500Characters() {
        assertThat(new GuidanceText("  prefer organic \n").value()).isEqualTo("prefer organic");
        assertThat(new GuidanceText("x".repeat(500)).value()).hasSize(500);
        // Counted in characters as a person sees them: 500 emoji are 1000 UTF-16 units and still allowed.
        assertThat(new GuidanceText("\uD83E\uDD66".repeat(500)).value().codePointCount(0, 1000)).isEqualTo(500);

        assertThatThrownBy(() -> new GuidanceText("x".repeat(501)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("text"));
        assertThatThrownBy(() -> new GuidanceText("   ")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new GuidanceText(null)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new GuidanceText("no\u0000pork")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void shoppingListItemsDifferingOnlyInCaseShareAKey() {
        ShoppingListItem milk = new ShoppingListItem("  Whole MILK ");
        assertThat(milk.name()).isEqualTo("Whole MILK");
        assertThat(milk.key()).isEqualTo(new ShoppingListItem("whole milk").key()).isEqualTo("whole milk");
        assertThat(new ShoppingListItem("x".repeat(200)).name()).hasSize(200);
        assertThatThrownBy(() -> new ShoppingListItem("x".repeat(201)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("item"));
        assertThatThrownBy(() -> new ShoppingListItem("")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aPromoIsKeptOnlyWhenItIsARealSale() {
        BigDecimal regular = new BigDecimal("3.49");
        assertThat(new Price(regular, Optional.of(new BigDecimal("2.99"))).promo()).contains(new BigDecimal("2.99"));
        assertThat(new Price(regular, Optional.of(BigDecimal.ZERO)).promo()).isEmpty(); // Kroger sends 0 for "no promo"
        assertThat(new Price(regular, Optional.of(regular)).promo()).isEmpty();
        assertThat(new Price(regular, Optional.of(new BigDecimal("3.99"))).promo()).isEmpty();
        assertThat(new Price(regular, Optional.of(new BigDecimal("-1"))).promo()).isEmpty();
        assertThat(new Price(BigDecimal.ZERO, Optional.empty()).regular()).isZero();
        assertThatThrownBy(() -> new Price(new BigDecimal("-0.01"), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCartSubmissionStartsPendingAndEndsAdded() {
        ShopperId shopper = ShopperId.random();
        CartSubmission pending = CartSubmission.pending(shopper, Optional.of(new IdempotencyKey("k-1")), MILK, NOW);
        assertThat(pending.outcome()).isEqualTo(CartOutcome.PENDING);
        assertThat(pending.completedAt()).isEmpty();

        CartSubmission added = pending.added(NOW.plusSeconds(1));
        assertThat(added.outcome()).isEqualTo(CartOutcome.ADDED);
        assertThat(added.id()).isEqualTo(pending.id());
        assertThat(added.submittedAt()).isEqualTo(NOW);
        assertThat(added.completedAt()).contains(NOW.plusSeconds(1));
        assertThat(added.failure()).isEmpty();
    }

    @Test
    void aFailureThatMayHaveLandedIsUnknownAndOneThatCannotIsFailed() {
        CartSubmission pending = CartSubmission.pending(ShopperId.random(), Optional.empty(), MILK, NOW);
        for (ProviderFailure failure : ProviderFailure.values()) {
            CartSubmission done = pending.failedWith(failure, "why", NOW);
            assertThat(done.outcome()).as(failure.name())
                    .isEqualTo(failure.mayHaveTakenEffect() ? CartOutcome.UNKNOWN : CartOutcome.FAILED);
            assertThat(done.failure()).contains(failure);
            assertThat(done.detail()).contains("why");
        }
        assertThat(ProviderFailure.TIMED_OUT.mayHaveTakenEffect()).isTrue();
        assertThat(ProviderFailure.UNAVAILABLE.mayHaveTakenEffect()).isTrue();
        assertThat(ProviderFailure.UNREACHABLE.mayHaveTakenEffect()).isFalse();
        assertThat(ProviderFailure.UNAUTHORIZED.mayHaveTakenEffect()).isFalse();
    }

    @Test
    void aCartSubmissionHoldsOneToFiftyItems() {
        ShopperId shopper = ShopperId.random();
        assertThatThrownBy(() -> CartSubmission.pending(shopper, Optional.empty(), List.of(), NOW))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("items"));
        List<CartItem> fiftyOne = IntStream.rangeClosed(1, 51)
                .mapToObj(i -> new CartItem(new Upc(String.valueOf(i)), new Quantity(1), Modality.DELIVERY)).toList();
        assertThatThrownBy(() -> CartSubmission.pending(shopper, Optional.empty(), fiftyOne, NOW)).isInstanceOf(InvalidValueException.class);
        assertThat(CartSubmission.pending(shopper, Optional.empty(), fiftyOne.subList(0, 50), NOW).items()).hasSize(50);
    }

    @Test
    void idempotencyKeysAreVisibleAsciiUpTo128() {
        assertThat(new IdempotencyKey("a".repeat(128)).value()).hasSize(128);
        assertThatThrownBy(() -> new IdempotencyKey("a".repeat(129))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new IdempotencyKey("has space")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new IdempotencyKey("")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void modalityParsesCaseInsensitively() {
        assertThat(Modality.parse(" pickup ")).isEqualTo(Modality.PICKUP);
        assertThat(Modality.parse("DELIVERY")).isEqualTo(Modality.DELIVERY);
        assertThatThrownBy(() -> Modality.parse("drone"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("modality"));
    }
}
