package org.personalshopper.adapters.web.support;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.personalshopper.application.port.in.ChooseProductForItem;
import org.personalshopper.application.port.in.LimitReachedException;
import org.personalshopper.application.port.in.ManageShoppingLists;
import org.personalshopper.application.port.in.NotFoundException;
import org.personalshopper.application.port.in.PlanShoppingList;
import org.personalshopper.application.port.in.SendListToCart;
import org.personalshopper.domain.CartItem;
import org.personalshopper.domain.CartSubmission;
import org.personalshopper.domain.ListItem;
import org.personalshopper.domain.ListItemId;
import org.personalshopper.domain.Price;
import org.personalshopper.domain.ProductId;
import org.personalshopper.domain.Selection;
import org.personalshopper.domain.SelectionId;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.ShoppingList;
import org.personalshopper.domain.ShoppingListId;
import org.personalshopper.domain.Upc;

/** In-memory stand-ins for the list use cases, with knobs for the outcomes a test needs. */
public final class FakeListUseCases implements ManageShoppingLists, PlanShoppingList, ChooseProductForItem, SendListToCart {
    public final Map<ShoppingListId, ShoppingList> lists = new ConcurrentHashMap<>();
    public final List<ChooseProduct> choices = new CopyOnWriteArrayList<>();
    public final List<SendList> sends = new CopyOnWriteArrayList<>();
    public volatile RuntimeException planFailure;
    public volatile RuntimeException chooseFailure;
    public volatile RuntimeException sendFailure;

    /** Where the provider-calling use cases ran; the server's {@link FakeUseCases#providerCalls}. */
    private final ProviderCalls providerCalls;

    public FakeListUseCases(ProviderCalls providerCalls) {
        this.providerCalls = providerCalls;
        reset();
    }

    public void reset() {
        lists.clear();
        choices.clear();
        sends.clear();
        planFailure = null;
        chooseFailure = null;
        sendFailure = null;
    }

    @Override
    public ShoppingList create(CreateList command) {
        if (lists.values().stream().filter(l -> l.shopperId().equals(command.shopperId())).count() >= ShoppingList.MAX_PER_SHOPPER) {
            throw new LimitReachedException("a shopper keeps at most 50 lists");
        }
        List<ListItem> items = command.items().stream().map(FakeListUseCases::item).toList();
        ShoppingList list = new ShoppingList(ShoppingListId.random(), command.shopperId(), command.name(), items,
                FakeUseCases.NOW, FakeUseCases.NOW);
        lists.put(list.id(), list);
        return list;
    }

    @Override
    public List<ShoppingList> lists(ShopperId shopperId) {
        return lists.values().stream().filter(l -> l.shopperId().equals(shopperId)).toList();
    }

    @Override
    public ShoppingList list(ShopperId shopperId, ShoppingListId listId) {
        return Optional.ofNullable(lists.get(listId)).filter(l -> l.shopperId().equals(shopperId))
                .orElseThrow(() -> new NotFoundException("list"));
    }

    @Override
    public ShoppingList rename(RenameList command) {
        ShoppingList l = list(command.shopperId(), command.listId());
        return put(new ShoppingList(l.id(), l.shopperId(), command.name(), l.items(), l.createdAt(), FakeUseCases.NOW));
    }

    @Override
    public void delete(ShopperId shopperId, ShoppingListId listId) {
        lists.remove(list(shopperId, listId).id());
    }

    @Override
    public ListItem addItem(AddItem command) {
        ShoppingList l = list(command.shopperId(), command.listId());
        List<ListItem> items = new ArrayList<>(l.items());
        ListItem added = item(command.item());
        items.add(added);
        put(new ShoppingList(l.id(), l.shopperId(), l.name(), items, l.createdAt(), FakeUseCases.NOW));
        return added;
    }

    @Override
    public ShoppingList changeItem(ChangeItem command) {
        ShoppingList l = list(command.shopperId(), command.listId());
        ListItem i = l.item(command.itemId()).orElseThrow(() -> new NotFoundException("item"));
        ListItem changed = new ListItem(i.id(), command.text().orElse(i.text()), command.quantity().orElse(i.quantity()),
                command.note().orElse(i.note()), command.checked().orElse(i.checked()), i.createdAt());
        return put(new ShoppingList(l.id(), l.shopperId(), l.name(),
                l.items().stream().map(x -> x.id().equals(i.id()) ? changed : x).toList(), l.createdAt(), FakeUseCases.NOW));
    }

    @Override
    public void removeItem(ShopperId shopperId, ShoppingListId listId, ListItemId itemId) {
        ShoppingList l = list(shopperId, listId);
        l.item(itemId).orElseThrow(() -> new NotFoundException("item"));
        put(new ShoppingList(l.id(), l.shopperId(), l.name(), l.items().stream().filter(x -> !x.id().equals(itemId)).toList(),
                l.createdAt(), FakeUseCases.NOW));
    }

    /** Every item proposed with one sample product, the first item chosen. */
    @Override
    public ListPlan plan(PlanCommand command) {
            providerCalls.enter("PlanShoppingList.plan");
        if (planFailure != null) {
            throw planFailure;
        }
        ShoppingList l = list(command.shopperId(), command.listId());
        List<ItemPlan> items = new ArrayList<>();
        for (ListItem i : l.openItems()) {
            Candidate milk = new Candidate(new ProductId("0001111041700"), new Upc("0001111041700"), "Kroger 2% Reduced Fat Milk",
                    Optional.of("Kroger"), Optional.of("1 gal"),
                    Optional.of(new Price(new BigDecimal("3.19"), Optional.of(new BigDecimal("2.55")))), 58,
                    List.of("matches 'milk'", "on sale: $2.55 instead of $3.19"));
            items.add(new ItemPlan(i.id(), i.text().name(), i.quantity(), ItemStatus.PROPOSED, "best 1 of 1", List.of(milk)));
        }
        return new ListPlan(l.id(), items, true, Optional.empty(), "rules", List.of());
    }

    @Override
    public Selection choose(ChooseProduct command) {
            providerCalls.enter("ChooseProductForItem.choose");
        if (chooseFailure != null) {
            throw chooseFailure;
        }
        ListItem i = list(command.shopperId(), command.listId()).item(command.itemId()).orElseThrow(() -> new NotFoundException("item"));
        choices.add(command);
        return new Selection(SelectionId.random(), command.shopperId(), i.text(), command.productId(), new Upc(command.productId().value()),
                Optional.of("Kroger 2% Reduced Fat Milk"), Optional.of("Kroger"), Optional.of("1 gal"), i.quantity(),
                FakeUseCases.NOW, FakeUseCases.NOW);
    }

    @Override
    public void forget(ShopperId shopperId, ShoppingListId listId, ListItemId itemId) {
        list(shopperId, listId).item(itemId).orElseThrow(() -> new NotFoundException("item"));
    }

    @Override
    public ListSent send(SendList command) {
            providerCalls.enter("SendListToCart.send");
        if (sendFailure != null) {
            throw sendFailure;
        }
        ShoppingList l = list(command.shopperId(), command.listId());
        sends.add(command);
        ListItem first = l.items().get(0);
        CartSubmission submission = CartSubmission.pending(command.shopperId(), command.idempotencyKey(),
                List.of(new CartItem(new Upc("0001111041700"), first.quantity(), command.modality())), FakeUseCases.NOW).added(FakeUseCases.NOW);
        List<UnsentItem> unsent = l.items().stream().skip(1).map(i -> new UnsentItem(i.id(), i.text().name(), "no confirmed pick")).toList();
        return new ListSent(submission, false, List.of(new SentItem(first.id(), first.text().name(), "0001111041700",
                first.quantity().value())), unsent);
    }

    private ShoppingList put(ShoppingList list) {
        lists.put(list.id(), list);
        return list;
    }

    private static ListItem item(NewItem item) {
        return new ListItem(ListItemId.random(), item.text(), item.quantity(), item.note(), false, FakeUseCases.NOW);
    }
}
