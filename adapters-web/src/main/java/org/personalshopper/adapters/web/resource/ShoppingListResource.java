package org.personalshopper.adapters.web.resource;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.glassfish.jersey.server.ManagedAsync;
import org.personalshopper.adapters.web.session.SessionRequired;
import org.personalshopper.adapters.web.session.ShopperPrincipal;
import org.personalshopper.application.port.in.ChooseProductForItem;
import org.personalshopper.application.port.in.ManageShoppingLists;
import org.personalshopper.application.port.in.PlanShoppingList;
import org.personalshopper.application.port.in.SendListToCart;
import org.personalshopper.domain.CartOutcome;
import org.personalshopper.domain.IdempotencyKey;
import org.personalshopper.domain.ListItem;
import org.personalshopper.domain.ListItemId;
import org.personalshopper.domain.Modality;
import org.personalshopper.domain.ProductId;
import org.personalshopper.domain.Quantity;
import org.personalshopper.domain.Selection;
import org.personalshopper.domain.ShoppingList;
import org.personalshopper.domain.ShoppingListId;
import org.personalshopper.domain.ShoppingListItem;

/**
 * Shopping lists: their items, planning them (picks with reasons), confirming a pick, and sending the list
 * to the cart. Another shopper's list, an unknown one and a malformed id all answer 404 alike.
 */
@Path("/api/lists")
@SessionRequired
@Produces(MediaType.APPLICATION_JSON)
public class ShoppingListResource {
    private final ManageShoppingLists lists;
    private final PlanShoppingList planner;
    private final ChooseProductForItem choices;
    private final SendListToCart sender;

    @Inject
    public ShoppingListResource(ManageShoppingLists lists, PlanShoppingList planner, ChooseProductForItem choices,
                                SendListToCart sender) {
        this.lists = lists;
        this.planner = planner;
        this.choices = choices;
        this.sender = sender;
    }

    public record ItemJson(String id, String text, int quantity, String note, boolean checked, Instant createdAt) {
        static ItemJson of(ListItem i) {
            return new ItemJson(i.id().toString(), i.text().name(), i.quantity().value(), i.note().orElse(null), i.checked(),
                    i.createdAt());
        }
    }

    public record ListJson(String id, String name, List<ItemJson> items, Instant createdAt, Instant updatedAt) {
        static ListJson of(ShoppingList l) {
            return new ListJson(l.id().toString(), l.name(), l.items().stream().map(ItemJson::of).toList(), l.createdAt(),
                    l.updatedAt());
        }
    }

    /** {@code text} is required; {@code quantity} defaults to 1. */
    public record ItemBody(String text, Integer quantity, String note) {
    }

    public record ListBody(String name, List<ItemBody> items) {
    }

    /** Only the members given change; a blank {@code note} removes the note. */
    public record ItemChangeBody(String text, Integer quantity, String note, Boolean checked) {
    }

    public record ChoiceBody(String productId) {
    }

    public record SendBody(String modality, Boolean again) {
    }

    public record PriceJson(BigDecimal regular, BigDecimal promo) {
    }

    public record CandidateJson(String productId, String upc, String description, String brand, String size, PriceJson price,
                                int score, List<String> reasons) {
    }

    public record ItemPlanJson(String itemId, String text, int quantity, String status, String reason,
                               List<CandidateJson> candidates) {
    }

    public record PlanJson(String listId, boolean complete, Long retryAfterSeconds, String pickedBy, List<String> notes,
                           List<ItemPlanJson> items) {
    }

    public record ChoiceJson(String itemId, String selectionId, String item, String productId, String upc, String description,
                             String brand, String size, int quantity) {
        static ChoiceJson of(ListItemId itemId, Selection s) {
            return new ChoiceJson(itemId.toString(), s.id().toString(), s.item().name(), s.productId().value(), s.upc().value(),
                    s.description().orElse(null), s.brand().orElse(null), s.size().orElse(null), s.quantity().value());
        }
    }

    public record SentItemJson(String itemId, String text, String upc, int quantity) {
    }

    public record UnsentItemJson(String itemId, String text, String reason) {
    }

    public record ListSentJson(String submissionId, String outcome, boolean replayed, List<SentItemJson> sent,
                               List<UnsentItemJson> notSent) {
    }

    /** Newest first, each with its items. */
    @GET
    public Items<ListJson> lists(@Context SecurityContext security) {
        return new Items<>(lists.lists(ShopperPrincipal.of(security)).stream().map(ListJson::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context SecurityContext security, ListBody body) {
        ListBody b = Fields.body(body);
        Fields fields = new Fields();
        String name = fields.required("name", b.name(), () -> ShoppingList.name(b.name()));
        List<ManageShoppingLists.NewItem> items = new ArrayList<>();
        if (b.items() != null) {
            if (b.items().size() > ShoppingList.MAX_ITEMS) {
                fields.fail("items", "must hold at most " + ShoppingList.MAX_ITEMS + " items");
            } else {
                for (int i = 0; i < b.items().size(); i++) {
                    newItem(fields, "items[" + i + "].", b.items().get(i)).ifPresent(items::add);
                }
            }
        }
        fields.throwIfInvalid();
        ShoppingList list = lists.create(new ManageShoppingLists.CreateList(ShopperPrincipal.of(security), name, items));
        return Response.created(URI.create("/api/lists/" + list.id())).entity(ListJson.of(list)).build();
    }

    @GET
    @Path("{id}")
    public ListJson list(@Context SecurityContext security, @PathParam("id") String id) {
        return ListJson.of(lists.list(ShopperPrincipal.of(security), listId(id)));
    }

    /** Renames the list: {@code {"name"}}. */
    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ListJson rename(@Context SecurityContext security, @PathParam("id") String id, ListBody body) {
        ShoppingListId listId = listId(id);
        ListBody b = Fields.body(body);
        Fields fields = new Fields();
        String name = fields.required("name", b.name(), () -> ShoppingList.name(b.name()));
        if (b.items() != null) {
            fields.fail("items", "change items at /api/lists/{id}/items");
        }
        fields.throwIfInvalid();
        return ListJson.of(lists.rename(new ManageShoppingLists.RenameList(ShopperPrincipal.of(security), listId, name)));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@Context SecurityContext security, @PathParam("id") String id) {
        lists.delete(ShopperPrincipal.of(security), listId(id));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/items")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addItem(@Context SecurityContext security, @PathParam("id") String id, ItemBody body) {
        ShoppingListId listId = listId(id);
        ItemBody b = Fields.body(body);
        Fields fields = new Fields();
        Optional<ManageShoppingLists.NewItem> item = newItem(fields, "", b);
        fields.throwIfInvalid();
        ListItem added = lists.addItem(new ManageShoppingLists.AddItem(ShopperPrincipal.of(security), listId, item.orElseThrow()));
        return Response.created(URI.create("/api/lists/" + listId + "/items/" + added.id())).entity(ItemJson.of(added)).build();
    }

    @PATCH
    @Path("{id}/items/{itemId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ItemJson changeItem(@Context SecurityContext security, @PathParam("id") String id,
                               @PathParam("itemId") String itemId, ItemChangeBody body) {
        ShoppingListId listId = listId(id);
        ListItemId item = itemId(itemId);
        ItemChangeBody b = Fields.body(body);
        Fields fields = new Fields();
        Optional<ShoppingListItem> text = Optional.ofNullable(b.text() == null ? null
                : fields.check("text", () -> new ShoppingListItem(b.text())));
        Optional<Quantity> quantity = Optional.ofNullable(b.quantity() == null ? null
                : fields.check("quantity", () -> new Quantity(b.quantity())));
        Optional<Optional<String>> note = b.note() == null ? Optional.empty()
                : Optional.ofNullable(fields.check("note", () -> ListItem.note(Optional.of(b.note()))));
        if (b.text() == null && b.quantity() == null && b.note() == null && b.checked() == null) {
            fields.fail("$", "give at least one of text, quantity, note, checked");
        }
        fields.throwIfInvalid();
        ShoppingList list = lists.changeItem(new ManageShoppingLists.ChangeItem(ShopperPrincipal.of(security), listId, item,
                text, quantity, note, Optional.ofNullable(b.checked())));
        return ItemJson.of(list.item(item).orElseThrow());
    }

    @DELETE
    @Path("{id}/items/{itemId}")
    public Response removeItem(@Context SecurityContext security, @PathParam("id") String id, @PathParam("itemId") String itemId) {
        lists.removeItem(ShopperPrincipal.of(security), listId(id), itemId(itemId));
        return Response.noContent().build();
    }

    /** Proposes products for every open item; 409 when the shopper has chosen no store. No body. */
    @ManagedAsync // may call a provider: runs on the provider threads (ADR 10)
    @POST
    @Path("{id}/plan")
    public PlanJson plan(@Context SecurityContext security, @PathParam("id") String id) {
        PlanShoppingList.ListPlan plan = planner.plan(new PlanShoppingList.PlanCommand(ShopperPrincipal.of(security), listId(id)));
        return new PlanJson(plan.listId().toString(), plan.complete(), plan.retryAfter().map(d -> Math.max(1, d.toSeconds())).orElse(null),
                plan.pickedBy(), plan.notes(), plan.items().stream().map(ShoppingListResource::itemPlan).toList());
    }

    /** Confirms {@code {"productId"}} for the item: saved as the item's selection, reused by every later plan. */
    @ManagedAsync // may call a provider: runs on the provider threads (ADR 10)
    @PUT
    @Path("{id}/items/{itemId}/choice")
    @Consumes(MediaType.APPLICATION_JSON)
    public ChoiceJson choose(@Context SecurityContext security, @PathParam("id") String id, @PathParam("itemId") String itemId,
                             ChoiceBody body) {
        ShoppingListId listId = listId(id);
        ListItemId item = itemId(itemId);
        ChoiceBody b = Fields.body(body);
        Fields fields = new Fields();
        ProductId productId = fields.required("productId", b.productId(), () -> new ProductId(b.productId()));
        fields.throwIfInvalid();
        Selection saved = choices.choose(new ChooseProductForItem.ChooseProduct(ShopperPrincipal.of(security), listId, item, productId));
        return ChoiceJson.of(item, saved);
    }

    /** Forgets the item's pick, so the next plan proposes products for it again. */
    @DELETE
    @Path("{id}/items/{itemId}/choice")
    public Response forget(@Context SecurityContext security, @PathParam("id") String id, @PathParam("itemId") String itemId) {
        choices.forget(ShopperPrincipal.of(security), listId(id), itemId(itemId));
        return Response.noContent().build();
    }

    /**
     * Sends the items with a confirmed pick to the cart in one add (optional body {@code {"modality","again"}},
     * optional {@code Idempotency-Key}). 200 says which items went and which had no pick; a failed or unknown
     * outcome answers like {@code POST /api/cart}; the same unchanged list again without {@code again}: 409.
     */
    @ManagedAsync // may call a provider: runs on the provider threads (ADR 10)
    @POST
    @Path("{id}/cart")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response send(@Context SecurityContext security, @PathParam("id") String id,
                         @HeaderParam("Idempotency-Key") String idempotencyKey, SendBody body) {
        ShoppingListId listId = listId(id);
        SendBody b = body == null ? new SendBody(null, null) : body;
        Fields fields = new Fields();
        Optional<IdempotencyKey> key = idempotencyKey == null ? Optional.empty()
                : Optional.ofNullable(fields.check("Idempotency-Key", () -> new IdempotencyKey(idempotencyKey)));
        Modality modality = b.modality() == null ? Modality.PICKUP : fields.check("modality", () -> Modality.parse(b.modality()));
        fields.throwIfInvalid();
        SendListToCart.ListSent sent = sender.send(new SendListToCart.SendList(ShopperPrincipal.of(security), listId, modality,
                Boolean.TRUE.equals(b.again()), key));
        if (sent.submission().outcome() != CartOutcome.ADDED) {
            return CartResource.answer(sent.submission());
        }
        return Response.ok(new ListSentJson(sent.submission().id().toString(), "added", sent.replayed(),
                sent.sent().stream().map(s -> new SentItemJson(s.itemId().toString(), s.text(), s.upc(), s.quantity())).toList(),
                sent.notSent().stream().map(u -> new UnsentItemJson(u.itemId().toString(), u.text(), u.reason())).toList())).build();
    }

    private static ItemPlanJson itemPlan(PlanShoppingList.ItemPlan item) {
        return new ItemPlanJson(item.itemId().toString(), item.text(), item.quantity().value(),
                item.status().name().toLowerCase(Locale.ROOT).replace('_', '-'), item.reason(),
                item.candidates().stream().map(c -> new CandidateJson(c.productId().value(), c.upc().value(), c.description(),
                        c.brand().orElse(null), c.size().orElse(null),
                        c.price().map(p -> new PriceJson(p.regular(), p.promo().orElse(null))).orElse(null), c.score(), c.reasons()))
                        .toList());
    }

    private static Optional<ManageShoppingLists.NewItem> newItem(Fields fields, String at, ItemBody item) {
        if (item == null) {
            fields.fail(at.isEmpty() ? "$" : at.substring(0, at.length() - 1), "must be an object");
            return Optional.empty();
        }
        ShoppingListItem text = fields.required(at + "text", item.text(), () -> new ShoppingListItem(item.text()));
        Quantity quantity = item.quantity() == null ? new Quantity(1) : fields.check(at + "quantity", () -> new Quantity(item.quantity()));
        Optional<String> note = fields.check(at + "note", () -> ListItem.note(Optional.ofNullable(item.note())));
        if (text == null || quantity == null || note == null) {
            return Optional.empty();
        }
        return Optional.of(new ManageShoppingLists.NewItem(text, quantity, note));
    }

    private static ShoppingListId listId(String id) {
        return Fields.pathId("list", () -> ShoppingListId.parse("id", id));
    }

    private static ListItemId itemId(String id) {
        return Fields.pathId("item", () -> ListItemId.parse("itemId", id));
    }
}
