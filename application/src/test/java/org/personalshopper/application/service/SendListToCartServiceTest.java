package org.personalshopper.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.fakes.FakeCart;
import org.personalshopper.application.fakes.FakeClock;
import org.personalshopper.application.fakes.FakeIdentityProvider;
import org.personalshopper.application.fakes.InMemoryCartSubmissionRepository;
import org.personalshopper.application.fakes.InMemorySelectionRepository;
import org.personalshopper.application.fakes.InMemoryShoppingListRepository;
import org.personalshopper.application.fakes.InMemoryConnectionRepository;
import org.personalshopper.application.port.out.ConfiguredProvider;
import org.personalshopper.application.port.out.ProviderRegistry;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.Provider;
import org.personalshopper.application.fakes.InMemoryTransactions;
import org.personalshopper.application.port.in.ListAlreadySentException;
import org.personalshopper.application.port.in.ManageShoppingLists;
import org.personalshopper.application.port.in.NotFoundException;
import org.personalshopper.application.port.in.NothingToSendException;
import org.personalshopper.application.port.in.SendListToCart.ListSent;
import org.personalshopper.application.port.in.SendListToCart.SendList;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.domain.CartItem;
import org.personalshopper.domain.CartOutcome;
import org.personalshopper.domain.IdempotencyKey;
import org.personalshopper.domain.Modality;
import org.personalshopper.domain.ProductId;
import org.personalshopper.domain.ProviderFailure;
import org.personalshopper.domain.Quantity;
import org.personalshopper.domain.Selection;
import org.personalshopper.domain.SelectionId;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.ShoppingList;
import org.personalshopper.domain.ShoppingListItem;
import org.personalshopper.domain.Upc;

/** List to cart: the picked items in one add, at most once, recorded in the cart history. */
class SendListToCartServiceTest {
    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryConnectionRepository tokens = new InMemoryConnectionRepository(transactions);
    private final InMemorySelectionRepository selections = new InMemorySelectionRepository();
    private final InMemoryCartSubmissionRepository submissions = new InMemoryCartSubmissionRepository();
    private final InMemoryShoppingListRepository lists = new InMemoryShoppingListRepository();
    private final FakeCart cart = new FakeCart();
    private final FakeClock clock = new FakeClock();
    private final FakeIdentityProvider provider = new FakeIdentityProvider();
    private final ProviderRegistry providers = new ConfiguredProviders(List.of(
            new ConfiguredProvider(provider, Optional.empty(), Optional.empty(), Optional.of(cart))));
    private final FillCartService fillCart = new FillCartService(selections, submissions, providers,
            new FreshAccessTokens(providers, tokens, transactions, clock), clock);
    private final ManageShoppingListsService manage = new ManageShoppingListsService(lists, clock);
    private final SendListToCartService send = new SendListToCartService(lists, selections, fillCart, clock);
    private final ShopperId shopper = ShopperId.random();
    private ShoppingList list;

    @BeforeEach
    void aListWithTwoPicksOfThree() {
        tokens.seed(shopper, provider.provider(), new ProfileId("profile-1"), provider.issueTokens(clock.now(), Duration.ofMinutes(30)));
        list = manage.create(new ManageShoppingLists.CreateList(shopper, "Weekly", List.of(
                item("Milk", 2), item("eggs", 1), item("coffee", 1))));
        pick("milk", "0001111041700");
        pick("EGGS", "0001111060933");
    }

    private static ManageShoppingLists.NewItem item(String text, int quantity) {
        return new ManageShoppingLists.NewItem(new ShoppingListItem(text), new Quantity(quantity), Optional.empty());
    }

    private void pick(String item, String upc) {
        selections.seed(new Selection(SelectionId.random(), shopper, new ShoppingListItem(item), new ProductId(upc), new Upc(upc),
                Optional.empty(), Optional.empty(), Optional.empty(), new Quantity(1), clock.now(), clock.now()));
    }

    private ListSent sendList(boolean again) {
        return send.send(new SendList(shopper, list.id(), Modality.PICKUP, again, Optional.empty()));
    }

    @Test
    void thePickedItemsGoInOneAddWithTheListsQuantitiesAndTheAnswerSaysWhatDidNotGo() {
        ListSent sent = sendList(false);

        assertThat(sent.submission().outcome()).isEqualTo(CartOutcome.ADDED);
        assertThat(cart.adds()).singleElement().satisfies(add -> assertThat(add.items()).containsExactly(
                new CartItem(new Upc("0001111041700"), new Quantity(2), Modality.PICKUP),
                new CartItem(new Upc("0001111060933"), new Quantity(1), Modality.PICKUP)));
        assertThat(sent.sent()).extracting(s -> s.text()).containsExactly("Milk", "eggs");
        assertThat(sent.notSent()).singleElement().satisfies(u -> {
            assertThat(u.text()).isEqualTo("coffee");
            assertThat(u.reason()).contains("no confirmed pick");
        });
        assertThat(fillCart.history(shopper)).containsExactly(sent.submission());
    }

    @Test
    void theSameUnchangedListIsRefusedASecondTimeUnlessAskedAgain() {
        sendList(false);
        assertThatThrownBy(() -> sendList(false)).isInstanceOf(ListAlreadySentException.class);
        assertThat(cart.adds()).hasSize(1);

        assertThat(sendList(true).submission().outcome()).isEqualTo(CartOutcome.ADDED);
        assertThat(cart.adds()).hasSize(2);
        assertThatThrownBy(() -> sendList(false)).isInstanceOf(ListAlreadySentException.class);
    }

    @Test
    void aChangedListMayBeSentAgain() {
        sendList(false);
        manage.changeItem(new ManageShoppingLists.ChangeItem(shopper, list.id(), list.items().get(0).id(), Optional.empty(),
                Optional.of(new Quantity(3)), Optional.empty(), Optional.empty()));

        assertThat(sendList(false).submission().outcome()).isEqualTo(CartOutcome.ADDED);
        assertThat(cart.adds()).hasSize(2);
    }

    @Test
    void aSendThatCertainlyFailedMayBeRepeatedButOneWhoseOutcomeIsUnknownMayNot() {
        cart.failNextAdd(new ProviderException(ProviderFailure.REJECTED, "bad upc"));
        assertThat(sendList(false).submission().outcome()).isEqualTo(CartOutcome.FAILED);
        assertThat(sendList(false).submission().outcome()).isEqualTo(CartOutcome.ADDED);

        manage.changeItem(new ManageShoppingLists.ChangeItem(shopper, list.id(), list.items().get(1).id(), Optional.empty(),
                Optional.of(new Quantity(6)), Optional.empty(), Optional.empty()));
        cart.failNextAdd(new ProviderException(ProviderFailure.TIMED_OUT, "no answer"));
        assertThat(sendList(false).submission().outcome()).isEqualTo(CartOutcome.UNKNOWN);
        assertThatThrownBy(() -> sendList(false)).isInstanceOf(ListAlreadySentException.class);
    }

    @Test
    void theSameIdempotencyKeyAnswersTheFirstSendAgainWithoutASecondAdd() {
        IdempotencyKey key = new IdempotencyKey("weekly-list-1");
        ListSent first = send.send(new SendList(shopper, list.id(), Modality.PICKUP, false, Optional.of(key)));
        ListSent retry = send.send(new SendList(shopper, list.id(), Modality.PICKUP, false, Optional.of(key)));

        assertThat(retry.replayed()).isTrue();
        assertThat(retry.submission()).isEqualTo(first.submission());
        assertThat(cart.adds()).hasSize(1);
    }

    @Test
    void aListWithoutPicksOrSomeoneElsesListSendsNothing() {
        ShoppingList unpicked = manage.create(new ManageShoppingLists.CreateList(shopper, "Party", List.of(item("chips", 1))));
        assertThatThrownBy(() -> send.send(new SendList(shopper, unpicked.id(), Modality.PICKUP, false, Optional.empty())))
                .isInstanceOf(NothingToSendException.class);
        assertThatThrownBy(() -> send.send(new SendList(ShopperId.random(), list.id(), Modality.PICKUP, false, Optional.empty())))
                .isInstanceOf(NotFoundException.class);
        assertThat(cart.adds()).isEmpty();
    }
}
