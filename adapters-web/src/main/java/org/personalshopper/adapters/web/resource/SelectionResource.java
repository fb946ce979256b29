package org.personalshopper.adapters.web.resource;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
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
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.personalshopper.adapters.web.json.InstantJson;
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

    @JsonSerialize(using = SelectionJson.Writer.class)
    public record SelectionJson(String id, String item, String productId, String upc, String description, String brand,
                                String size, int quantity, Instant createdAt, Instant updatedAt) {
        static SelectionJson of(Selection s) {
            return new SelectionJson(s.id().toString(), s.item().name(), s.productId().value(), s.upc().value(),
                    s.description().orElse(null), s.brand().orElse(null), s.size().orElse(null), s.quantity().value(),
                    s.createdAt(), s.updatedAt());
        }

        /**
         * The same JSON as Jackson's own serializer of this record (fields in its order, absent texts as
         * {@code null}), written field by field: Jackson's reads each of the ten fields through reflection,
         * a hundred times per list.
         */
        static final class Writer extends StdSerializer<SelectionJson> {
            private static final SerializedString ID = new SerializedString("id");
            private static final SerializedString ITEM = new SerializedString("item");
            private static final SerializedString PRODUCT_ID = new SerializedString("productId");
            private static final SerializedString UPC = new SerializedString("upc");
            private static final SerializedString DESCRIPTION = new SerializedString("description");
            private static final SerializedString BRAND = new SerializedString("brand");
            private static final SerializedString SIZE = new SerializedString("size");
            private static final SerializedString QUANTITY = new SerializedString("quantity");
            private static final SerializedString CREATED_AT = new SerializedString("createdAt");
            private static final SerializedString UPDATED_AT = new SerializedString("updatedAt");

            Writer() {
                super(SelectionJson.class);
            }

            @Override
            public void serialize(SelectionJson s, JsonGenerator json, SerializerProvider provider) throws IOException {
                json.writeStartObject(s);
                json.writeFieldName(ID);
                json.writeString(s.id());
                json.writeFieldName(ITEM);
                json.writeString(s.item());
                json.writeFieldName(PRODUCT_ID);
                json.writeString(s.productId());
                json.writeFieldName(UPC);
                json.writeString(s.upc());
                json.writeFieldName(DESCRIPTION);
                json.writeString(s.description());
                json.writeFieldName(BRAND);
                json.writeString(s.brand());
                json.writeFieldName(SIZE);
                json.writeString(s.size());
                json.writeFieldName(QUANTITY);
                json.writeNumber(s.quantity());
                json.writeFieldName(CREATED_AT);
                InstantJson.write(s.createdAt(), json);
                json.writeFieldName(UPDATED_AT);
                InstantJson.write(s.updatedAt(), json);
                json.writeEndObject();
            }
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
