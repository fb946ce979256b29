package org.personalshopper.application.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.personalshopper.application.port.in.FillCart;
import org.personalshopper.application.port.in.ProviderConnectionUnavailableException;
import org.personalshopper.application.port.in.IdempotencyConflictException;
import org.personalshopper.application.port.in.SignInRequiredException;
import org.personalshopper.application.port.in.ListAlreadySentException;
import org.personalshopper.application.port.in.NotFoundException;
import org.personalshopper.application.port.in.NothingToSendException;
import org.personalshopper.application.port.in.SendListToCart;
import org.personalshopper.application.port.out.Clock;
import org.personalshopper.application.port.out.SelectionRepository;
import org.personalshopper.application.port.out.ShoppingListRepository;
import org.personalshopper.domain.CartItem;
import org.personalshopper.domain.CartOutcome;
import org.personalshopper.domain.CartSubmission;
import org.personalshopper.domain.InvalidValueException;
import org.personalshopper.domain.ListItem;
import org.personalshopper.domain.Quantity;
import org.personalshopper.domain.Selection;
import org.personalshopper.domain.ShoppingList;
import org.personalshopper.domain.Upc;

/**
 * List to cart through {@link FillCart}, so the add is recorded in the cart history and sent at most once.
 * On top, a fingerprint of what was sent (products, quantities, modality) is kept on the list: the same
 * unchanged list is not sent a second time unless the shopper asks again. A send that certainly failed
 * releases the fingerprint; one whose outcome is unknown keeps it, because the items may be in the cart.
 */
public final class SendListToCartService implements SendListToCart {
    private final ShoppingListRepository lists;
    private final SelectionRepository selections;
    private final FillCart fillCart;
    private final Clock clock;

    public SendListToCartService(ShoppingListRepository lists, SelectionRepository selections, FillCart fillCart, Clock clock) {
        this.lists = Objects.requireNonNull(lists, "lists");
        this.selections = Objects.requireNonNull(selections, "selections");
        this.fillCart = Objects.requireNonNull(fillCart, "fillCart");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ListSent send(SendList command) {
        Objects.requireNonNull(command, "command");
        ShoppingList list = lists.find(command.shopperId(), command.listId()).orElseThrow(() -> new NotFoundException("list"));
        Map<String, Selection> picks = selections.list(command.shopperId()).stream()
                .collect(Collectors.toMap(s -> s.item().key(), Function.identity(), (a, b) -> a));

        List<SentItem> sent = new ArrayList<>();
        List<UnsentItem> notSent = new ArrayList<>();
        Map<Upc, Integer> quantities = new LinkedHashMap<>();
        for (ListItem item : list.openItems()) {
            Selection pick = picks.get(item.text().key());
            if (pick == null) {
                notSent.add(new UnsentItem(item.id(), item.text().name(), "no confirmed pick: plan the list and confirm one"));
                continue;
            }
            sent.add(new SentItem(item.id(), item.text().name(), pick.upc().value(), item.quantity().value()));
            // Two items with the same product go as one line with both quantities.
            quantities.merge(pick.upc(), item.quantity().value(), (a, b) -> Math.min(Quantity.MAX, a + b));
        }
        if (sent.isEmpty()) {
            throw new NothingToSendException();
        }
        List<CartItem> items = quantities.entrySet().stream()
                .map(e -> new CartItem(e.getKey(), new Quantity(e.getValue()), command.modality())).toList();

        String fingerprint = fingerprint(items);
        ShoppingListRepository.SendClaim claim = lists.claimSend(command.shopperId(), command.listId(), fingerprint,
                command.again(), clock.now()).orElseThrow(() -> new NotFoundException("list"));
        if (!claim.claimed()) {
            // A retry with the key of the send that set the fingerprint gets that send's answer, like POST /api/cart.
            Optional<CartSubmission> earlier = command.idempotencyKey().flatMap(key -> fillCart.history(command.shopperId())
                    .stream().filter(s -> s.idempotencyKey().equals(Optional.of(key))).findFirst());
            if (earlier.isPresent()) {
                return new ListSent(earlier.get(), true, sent, notSent);
            }
            throw new ListAlreadySentException();
        }
        FillCart.CartResult result;
        try {
            result = fillCart.add(new FillCart.FillCartCommand(command.shopperId(), command.idempotencyKey(), items, List.of(),
                    command.modality()));
        } catch (IdempotencyConflictException | SignInRequiredException | ProviderConnectionUnavailableException
                 | InvalidValueException e) {
            // Refused before anything was sent, or with nothing landed: the unchanged list may go again.
            lists.releaseSend(command.shopperId(), command.listId(), fingerprint, claim.previous());
            throw e;
        }
        if (result.submission().outcome() == CartOutcome.FAILED) {
            lists.releaseSend(command.shopperId(), command.listId(), fingerprint, claim.previous());
        }
        return new ListSent(result.submission(), result.replayed(), sent, notSent);
    }

    /** The same products, quantities and modality give the same fingerprint, whatever their order on the list. */
    static String fingerprint(List<CartItem> items) {
        String canonical = items.stream()
                .map(i -> i.upc().value() + "x" + i.quantity().value() + "@" + i.modality().name())
                .sorted().collect(Collectors.joining(","));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
