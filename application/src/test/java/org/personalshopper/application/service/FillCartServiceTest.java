package org.personalshopper.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.fakes.FakeCart;
import org.personalshopper.application.fakes.FakeClock;
import org.personalshopper.application.fakes.FakeIdentityProvider;
import org.personalshopper.application.fakes.InMemoryCartSubmissionRepository;
import org.personalshopper.application.fakes.InMemoryLoginAttemptRepository;
import org.personalshopper.application.fakes.InMemorySelectionRepository;
import org.personalshopper.application.fakes.InMemorySessionRepository;
import org.personalshopper.application.fakes.InMemoryConnectionRepository;
import org.personalshopper.application.port.in.ConnectionRequiredException;
import org.personalshopper.application.port.in.NotOfferedException;
import org.personalshopper.application.port.out.ConfiguredProvider;
import org.personalshopper.application.port.out.ProviderRegistry;
import org.personalshopper.domain.Capability;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.Provider;
import org.personalshopper.application.fakes.InMemoryTransactions;
import org.personalshopper.application.port.in.FillCart.CartResult;
import org.personalshopper.application.port.in.FillCart.FillCartCommand;
import org.personalshopper.application.port.in.ProviderConnectionUnavailableException;
import org.personalshopper.application.port.in.IdempotencyConflictException;
import org.personalshopper.application.port.in.IdempotencyKeyReusedException;
import org.personalshopper.application.port.in.NotFoundException;
import org.personalshopper.application.port.in.SignInRequiredException;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.domain.CartItem;
import org.personalshopper.domain.CartOutcome;
import org.personalshopper.domain.CartSubmission;
import org.personalshopper.domain.IdempotencyKey;
import org.personalshopper.domain.InvalidValueException;
import org.personalshopper.domain.Modality;
import org.personalshopper.domain.ProductId;
import org.personalshopper.domain.ProviderFailure;
import org.personalshopper.domain.Quantity;
import org.personalshopper.domain.Selection;
import org.personalshopper.domain.SessionPolicy;
import org.personalshopper.domain.SelectionId;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.ShoppingListItem;
import org.personalshopper.domain.TokenSet;
import org.personalshopper.domain.Upc;

class FillCartServiceTest {
    private static final List<CartItem> MILK = List.of(new CartItem(new Upc("0001111041700"), new Quantity(2), Modality.PICKUP));
    private static final IdempotencyKey KEY = new IdempotencyKey("order-48-milk");

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryConnectionRepository tokens = new InMemoryConnectionRepository(transactions);
    private final InMemorySelectionRepository selections = new InMemorySelectionRepository();
    private final InMemoryCartSubmissionRepository submissions = new InMemoryCartSubmissionRepository();
    private final FakeCart cart = new FakeCart();
    private final FakeClock clock = new FakeClock();
    private final FakeIdentityProvider grocer = new FakeIdentityProvider();
    /** A second provider offering sign-in only, as Foodin does: a cart add never goes there. */
    private final FakeIdentityProvider signInOnly = new FakeIdentityProvider(new Provider("signinonly"));
    private final ProviderRegistry providers = new ConfiguredProviders(List.of(ConfiguredProvider.signInOnly(signInOnly),
            new ConfiguredProvider(grocer, Optional.empty(), Optional.empty(), Optional.of(cart))));
    private final FreshAccessTokens refresh = new FreshAccessTokens(providers, tokens, transactions, clock);
    private final FillCartService fillCart = new FillCartService(selections, submissions, providers, refresh, clock);
    private final KeepHouseService keepHouse = new KeepHouseService(new InMemorySessionRepository(transactions),
            new InMemoryLoginAttemptRepository(), submissions, new SessionPolicy(Duration.ofHours(1), Duration.ofHours(8)),
            clock, "Kroger");
    private final ShopperId shopper = ShopperId.random();
    private TokenSet signedIn;

    @BeforeEach
    void connected() {
        signedIn = grocer.issueTokens(clock.now(), Duration.ofMinutes(30));
        tokens.seed(shopper, grocer.provider(), new ProfileId("profile-1"), signedIn);
    }

    private FillCartCommand items(Optional<IdempotencyKey> key, List<CartItem> items) {
        return new FillCartCommand(shopper, key, items, List.of(), Modality.PICKUP);
    }

    private FillCartCommand selected(List<SelectionId> ids, Modality modality) {
        return new FillCartCommand(shopper, Optional.empty(), List.of(), ids, modality);
    }

    private Selection pick(ShopperId owner, String item, String upc, int quantity) {
        return selections.seed(new Selection(SelectionId.random(), owner, new ShoppingListItem(item), new ProductId(upc),
                new Upc(upc), Optional.empty(), Optional.empty(), Optional.empty(), new Quantity(quantity), clock.now(), clock.now()));
    }

    @Test
    void itemsAreAddedWithTheShoppersTokenAndRecorded() {
        CartResult result = fillCart.add(items(Optional.empty(), MILK));

        assertThat(result.replayed()).isFalse();
        assertThat(result.submission().outcome()).isEqualTo(CartOutcome.ADDED);
        assertThat(cart.adds()).containsExactly(new FakeCart.Add(MILK, signedIn.accessToken()));
        assertThat(fillCart.history(shopper)).containsExactly(result.submission());
    }

    @Test
    void theSameKeyTwiceAddsOnceAndAnswersTheFirstResultAgain() {
        CartResult first = fillCart.add(items(Optional.of(KEY), MILK));
        CartResult second = fillCart.add(items(Optional.of(KEY), MILK));

        assertThat(cart.adds()).hasSize(1);
        assertThat(second.replayed()).isTrue();
        assertThat(second.submission()).isEqualTo(first.submission());
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndNothingIsSent() {
        fillCart.add(items(Optional.of(KEY), MILK));
        List<CartItem> moreMilk = List.of(new CartItem(new Upc("0001111041700"), new Quantity(3), Modality.PICKUP));

        assertThatThrownBy(() -> fillCart.add(items(Optional.of(KEY), moreMilk)))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        Selection milk = pick(shopper, "milk", "0001111041700", 2);
        assertThatThrownBy(() -> fillCart.add(new FillCartCommand(shopper, Optional.of(KEY), List.of(),
                List.of(milk.id()), Modality.PICKUP))).as("the same items, asked for another way")
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(cart.adds()).hasSize(1);
        assertThat(fillCart.history(shopper)).hasSize(1);
    }

    @Test
    void keysArePerShopperSoAnotherShoppersKeyNeverAnswersTheirResult() {
        fillCart.add(items(Optional.of(KEY), MILK));
        ShopperId neighbour = ShopperId.random();
        TokenSet theirs = grocer.issueTokens(clock.now(), Duration.ofMinutes(30));
        tokens.seed(neighbour, grocer.provider(), new ProfileId("profile-2"), theirs);

        CartResult result = fillCart.add(new FillCartCommand(neighbour, Optional.of(KEY), MILK, List.of(), Modality.PICKUP));

        assertThat(result.replayed()).isFalse();
        assertThat(result.submission().shopperId()).isEqualTo(neighbour);
        assertThat(cart.adds()).hasSize(2);
    }

    @Test
    void aFailedResultIsAlsoAnsweredAgainForItsKeyWithoutResending() {
        cart.failNextAdd(new ProviderException(ProviderFailure.TIMED_OUT, "no answer in 10 s"));
        CartResult first = fillCart.add(items(Optional.of(KEY), MILK));
        CartResult second = fillCart.add(items(Optional.of(KEY), MILK));

        assertThat(cart.adds()).hasSize(1);
        assertThat(second.submission().outcome()).isEqualTo(CartOutcome.UNKNOWN);
        assertThat(second.submission()).isEqualTo(first.submission());
    }

    @Test
    void aKeyStillInFlightIsAConflictAndNothingIsSent() {
        submissions.startUnlessKeyUsed(CartSubmission.pending(shopper, Optional.of(KEY), MILK, clock.now()),
                RequestFingerprint.of(items(Optional.of(KEY), MILK)), clock.now().minusSeconds(1));

        assertThatThrownBy(() -> fillCart.add(items(Optional.of(KEY), MILK))).isInstanceOf(IdempotencyConflictException.class);
        assertThat(cart.adds()).isEmpty();
    }

    @Test
    void anAddCutOffByAStopIsSettledAsUnknownOnceNoSendCouldStillBeRunning() {
        // What a crash mid-send leaves behind: a submission started and never completed.
        submissions.startUnlessKeyUsed(CartSubmission.pending(shopper, Optional.of(KEY), MILK, clock.now()),
                RequestFingerprint.of(items(Optional.of(KEY), MILK)), clock.now());
        clock.advance(KeepHouseService.ABANDONED_AFTER.minusSeconds(1));
        assertThat(keepHouse.settleAbandonedCartAdds()).as("it could still be in flight").isZero();

        clock.advance(Duration.ofSeconds(2));
        assertThat(keepHouse.settleAbandonedCartAdds()).isEqualTo(1);

        CartResult replay = fillCart.add(items(Optional.of(KEY), MILK));
        assertThat(replay.replayed()).as("the key now answers the honest outcome instead of a conflict").isTrue();
        assertThat(replay.submission().outcome()).isEqualTo(CartOutcome.UNKNOWN);
        assertThat(replay.submission().detail()).hasValueSatisfying(d -> assertThat(d).contains("check the Kroger cart"));
        assertThat(cart.adds()).as("settling never resends").isEmpty();
        assertThat(keepHouse.settleAbandonedCartAdds()).isZero();
    }

    @Test
    void aKeyOlderThanADayCanBeUsedAgain() {
        fillCart.add(items(Optional.of(KEY), MILK));
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        tokens.seed(shopper, grocer.provider(), new ProfileId("profile-1"), grocer.issueTokens(clock.now(), Duration.ofMinutes(30)));

        CartResult again = fillCart.add(items(Optional.of(KEY), MILK));

        assertThat(again.replayed()).isFalse();
        assertThat(cart.adds()).hasSize(2);
    }

    @Test
    void aTimeoutAfterSendingIsUnknownAndNotRetried() {
        cart.failNextAdd(new ProviderException(ProviderFailure.TIMED_OUT, "no answer in 10 s"));

        CartResult result = fillCart.add(items(Optional.empty(), MILK));

        assertThat(result.submission().outcome()).isEqualTo(CartOutcome.UNKNOWN);
        assertThat(result.submission().failure()).contains(ProviderFailure.TIMED_OUT);
        assertThat(result.submission().detail()).contains("no answer in 10 s");
        assertThat(cart.adds()).hasSize(1);
        assertThat(submissions.all()).extracting(CartSubmission::outcome).containsExactly(CartOutcome.UNKNOWN);
    }

    @Test
    void aServerErrorIsUnknownAndARefusalIsFailed() {
        cart.failNextAdd(new ProviderException(ProviderFailure.UNAVAILABLE, "500"));
        cart.failNextAdd(new ProviderException(ProviderFailure.REJECTED, "upc must be 13 digits"));

        assertThat(fillCart.add(items(Optional.empty(), MILK)).submission().outcome()).isEqualTo(CartOutcome.UNKNOWN);
        CartSubmission refused = fillCart.add(items(Optional.empty(), MILK)).submission();
        assertThat(refused.outcome()).isEqualTo(CartOutcome.FAILED);
        assertThat(refused.detail()).contains("upc must be 13 digits");
        assertThat(cart.adds()).hasSize(2);
    }

    @Test
    void anExpiredTokenIsRefreshedBeforeTheAddIsSent() {
        clock.advance(Duration.ofMinutes(30));

        fillCart.add(items(Optional.empty(), MILK));

        assertThat(grocer.refreshCalls()).isEqualTo(1);
        assertThat(cart.adds()).hasSize(1);
        assertThat(cart.adds().get(0).token()).isEqualTo(tokens.find(shopper, grocer.provider()).orElseThrow().tokens().accessToken())
                .isNotEqualTo(signedIn.accessToken());
    }

    @Test
    void a401OnTheCartGetsOneRefreshAndOneRetry() {
        cart.failNextAdd(new ProviderException(ProviderFailure.UNAUTHORIZED, "invalid_token"));

        CartResult result = fillCart.add(items(Optional.empty(), MILK));

        assertThat(result.submission().outcome()).isEqualTo(CartOutcome.ADDED);
        assertThat(grocer.refreshCalls()).isEqualTo(1);
        assertThat(cart.adds()).extracting(FakeCart.Add::token)
                .containsExactly(signedIn.accessToken(), tokens.find(shopper, grocer.provider()).orElseThrow().tokens().accessToken());
    }

    @Test
    void twoRejectionsOnTheCartAreRecordedAsFailedAndNotLooped() {
        cart.failNextAdd(new ProviderException(ProviderFailure.UNAUTHORIZED, "invalid_token"));
        cart.failNextAdd(new ProviderException(ProviderFailure.UNAUTHORIZED, "invalid_token"));

        CartResult result = fillCart.add(items(Optional.empty(), MILK));

        assertThat(result.submission().outcome()).isEqualTo(CartOutcome.FAILED);
        assertThat(result.submission().failure()).contains(ProviderFailure.UNAUTHORIZED);
        assertThat(cart.adds()).hasSize(2);
    }

    @Test
    void savedSelectionsAreAddedWithTheirStoredQuantitiesInTheOrderGiven() {
        Selection milk = pick(shopper, "milk", "0001111041700", 2);
        Selection eggs = pick(shopper, "eggs", "0001111060932", 3);

        fillCart.add(selected(List.of(eggs.id(), milk.id()), Modality.DELIVERY));

        assertThat(cart.adds().get(0).items()).containsExactly(
                new CartItem(eggs.upc(), new Quantity(3), Modality.DELIVERY),
                new CartItem(milk.upc(), new Quantity(2), Modality.DELIVERY));
    }

    @Test
    void anotherShoppersSelectionIsNotFoundAndNothingIsSentOrRecorded() {
        Selection mine = pick(shopper, "milk", "0001111041700", 2);
        Selection theirs = pick(ShopperId.random(), "eggs", "0001111060932", 1);

        assertThatThrownBy(() -> fillCart.add(selected(List.of(mine.id(), theirs.id()), Modality.PICKUP)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fillCart.add(selected(List.of(SelectionId.random()), Modality.PICKUP)))
                .isInstanceOf(NotFoundException.class);
        assertThat(cart.adds()).isEmpty();
        assertThat(submissions.all()).isEmpty();
    }

    @Test
    void exactlyOneOfItemsAndSelectionsMustBeGivenWithinTheLimit() {
        Selection milk = pick(shopper, "milk", "0001111041700", 2);
        assertThatThrownBy(() -> fillCart.add(new FillCartCommand(shopper, Optional.empty(), List.of(), List.of(), Modality.PICKUP)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("items"));
        assertThatThrownBy(() -> fillCart.add(new FillCartCommand(shopper, Optional.empty(), MILK, List.of(milk.id()), Modality.PICKUP)))
                .isInstanceOf(InvalidValueException.class);

        List<CartItem> tooMany = IntStream.rangeClosed(1, CartItem.MAX_ITEMS_PER_ADD + 1)
                .mapToObj(i -> new CartItem(new Upc(String.valueOf(i)), new Quantity(1), Modality.PICKUP)).toList();
        assertThatThrownBy(() -> fillCart.add(items(Optional.empty(), tooMany)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("items"));
        List<SelectionId> tooManyIds = IntStream.rangeClosed(1, CartItem.MAX_ITEMS_PER_ADD + 1).mapToObj(i -> SelectionId.random()).toList();
        assertThatThrownBy(() -> fillCart.add(selected(tooManyIds, Modality.PICKUP)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("selectionIds"));
        assertThatThrownBy(() -> fillCart.add(selected(List.of(milk.id(), milk.id()), Modality.PICKUP)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("selectionIds"));
        assertThat(cart.adds()).isEmpty();
    }

    @Test
    void aShopperWhoMustSignInAgainGetsAFailedRecordAndTheSignInError() {
        tokens.markUnusable(shopper, grocer.provider());

        assertThatThrownBy(() -> fillCart.add(items(Optional.of(KEY), MILK))).isInstanceOf(SignInRequiredException.class);

        assertThat(cart.adds()).isEmpty();
        assertThat(submissions.all()).extracting(CartSubmission::outcome).containsExactly(CartOutcome.FAILED);
    }

    @Test
    void aRefreshOutageBeforeSendingIsRecordedAsFailedAndReported() {
        clock.advance(Duration.ofMinutes(30));
        grocer.failNextRefresh(new ProviderException(ProviderFailure.UNAVAILABLE, "503"));

        assertThatThrownBy(() -> fillCart.add(items(Optional.empty(), MILK))).isInstanceOf(ProviderConnectionUnavailableException.class);

        assertThat(cart.adds()).isEmpty();
        CartSubmission recorded = submissions.all().get(0);
        assertThat(recorded.outcome()).isEqualTo(CartOutcome.FAILED);
        assertThat(recorded.failure()).contains(ProviderFailure.UNAVAILABLE);
    }

    @Test
    void anUnexpectedErrorWhileSendingIsRecordedAsUnknownAndRethrown() {
        IllegalStateException broken = new IllegalStateException("serializer broke");
        cart.failNextAdd(broken);

        assertThatThrownBy(() -> fillCart.add(items(Optional.empty(), MILK))).isSameAs(broken);

        assertThat(cart.adds()).hasSize(1);
        assertThat(submissions.all()).extracting(CartSubmission::outcome).containsExactly(CartOutcome.UNKNOWN);
    }

    @Test
    void historyIsNewestFirstAndAtMostOneHundred() {
        for (int i = 0; i < FillCartService.HISTORY_LIMIT + 5; i++) {
            fillCart.add(items(Optional.empty(), MILK));
            clock.advance(Duration.ofSeconds(1));
        }
        List<CartSubmission> history = fillCart.history(shopper);
        assertThat(history).hasSize(FillCartService.HISTORY_LIMIT);
        assertThat(history.get(0).submittedAt()).isAfter(history.get(1).submittedAt());
        assertThat(history.get(0).submittedAt()).isEqualTo(clock.now().minusSeconds(1));
    }

    @Test
    void aShopperWithoutAConnectionToTheProviderWithACartMustConnectItAndNothingIsRecorded() {
        ShopperId signedInElsewhere = ShopperId.random();
        tokens.seed(signedInElsewhere, signInOnly.provider(), new ProfileId("elsewhere"), signedIn);

        assertThatThrownBy(() -> fillCart.add(new FillCartCommand(signedInElsewhere, Optional.of(KEY), MILK, List.of(), Modality.PICKUP)))
                .isInstanceOfSatisfying(ConnectionRequiredException.class, e -> {
                    assertThat(e.provider()).isEqualTo(grocer.provider());
                    assertThat(e.capability()).isEqualTo(Capability.CART);
                });
        assertThat(fillCart.history(signedInElsewhere)).isEmpty();
        assertThat(cart.adds()).isEmpty();
    }

    @Test
    void withoutAProviderOfferingACartACartAddIsNotOffered() {
        ProviderRegistry noCart = new ConfiguredProviders(List.of(ConfiguredProvider.signInOnly(grocer)));
        FillCartService without = new FillCartService(selections, submissions, noCart,
                new FreshAccessTokens(noCart, tokens, transactions, clock), clock);

        assertThatThrownBy(() -> without.add(items(Optional.empty(), MILK)))
                .isInstanceOfSatisfying(NotOfferedException.class, e -> assertThat(e.capability()).isEqualTo(Capability.CART));
        assertThat(fillCart.history(shopper)).isEmpty();
    }
}
