package org.personalshopper.adapters.web.resource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.personalshopper.adapters.web.session.SessionRequired;
import org.personalshopper.adapters.web.session.ShopperPrincipal;
import org.personalshopper.application.port.in.ManageSelections;
import org.personalshopper.domain.Check;
import org.personalshopper.domain.ProductId;
import org.personalshopper.domain.Quantity;
import org.personalshopper.domain.Selection;
import org.personalshopper.domain.SelectionId;
import org.personalshopper.domain.ShoppingListItem;
import org.personalshopper.domain.Upc;

/** The products a shopper picked for their shopping-list items: one per item. */
@Path("/api/selections")
@SessionRequired
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public class SelectionResource {
    private final ManageSelections selections;

    @Inject
    public SelectionResource(ManageSelections selections) {
        this.selections = selections;
    }

    public record SelectionJson(String id, String item, String productId, String upc, String description, String brand,
                                String size, int quantity, Instant createdAt, Instant updatedAt) {
        static SelectionJson of(Selection s) {
            return new SelectionJson(s.id().toString(), s.item().name(), s.productId().value(), s.upc().value(),
                    s.description().orElse(null), s.brand().orElse(null), s.size().orElse(null), s.quantity().value(),
                    s.createdAt(), s.updatedAt());
        }
    }

    /** {@code item}, {@code productId}, {@code upc} and {@code quantity} are required. */
    public record SelectionBody(String item, String productId, String upc, String description, String brand, String size,
                                Integer quantity) {
    }

    /** Ordered by item. */
    @GET
    public Items<SelectionJson> list(@Context SecurityContext security) {
        return new Items<>(selections.list(ShopperPrincipal.of(security)).stream().map(SelectionJson::of).toList());
    }

    /** 201 for a new item, 200 when it replaced the pick for the same item. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response save(@Context SecurityContext security, SelectionBody body) {
        SelectionBody b = Fields.body(body);
        Fields fields = new Fields();
        ShoppingListItem item = fields.required("item", b.item(), () -> new ShoppingListItem(b.item()));
        ProductId productId = fields.required("productId", b.productId(), () -> new ProductId(b.productId()));
        Upc upc = fields.required("upc", b.upc(), () -> new Upc(b.upc()));
        Optional<String> description = optionalText(fields, "description", b.description(), Selection.MAX_DESCRIPTION);
        Optional<String> brand = optionalText(fields, "brand", b.brand(), Selection.MAX_BRAND);
        Optional<String> size = optionalText(fields, "size", b.size(), Selection.MAX_SIZE);
        Quantity quantity = fields.required("quantity", b.quantity(), () -> new Quantity(b.quantity()));
        fields.throwIfInvalid();
        ManageSelections.SaveResult saved = selections.save(new ManageSelections.SaveSelectionCommand(
                ShopperPrincipal.of(security), item, productId, upc, description, brand, size, quantity));
        SelectionJson json = SelectionJson.of(saved.selection());
        if (saved.created()) {
            return Response.created(URI.create("/api/selections/" + json.id())).entity(json).build();
        }
        return Response.ok(json).build();
    }

    @DELETE
    @Path("{id}")
    public Response remove(@Context SecurityContext security, @PathParam("id") String id) {
        selections.remove(ShopperPrincipal.of(security), Fields.pathId("selection", () -> SelectionId.parse("id", id)));
        return Response.noContent().build();
    }

    /** Same rules as the selection itself (trimmed, bounded, no control characters), checked up front. */
    private static Optional<String> optionalText(Fields fields, String field, String raw, int max) {
        if (raw == null) {
            return Optional.empty();
        }
        String checked = fields.check(field, () -> Check.text(field, raw, 0, max));
        return Optional.ofNullable(checked).filter(s -> !s.isEmpty());
    }
}
