package org.personalshopper.sandbox.kroger;

import jakarta.inject.Inject;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.personalshopper.sandbox.kroger.SandboxCarts.ItemToAdd;

/** Kroger Cart: add items to the shopper's cart. Write-only, as in Kroger's Public tier. */
@Path("v1/cart/add")
public final class CartAddResource {

    private static final Set<String> MODALITIES = Set.of("PICKUP", "DELIVERY", "SHIP");
    private static final String CANNOT_PARSE = "Cannot parse parameters";

    private final AccessGate gate;
    private final KrogerResponses responses;
    private final SandboxCarts carts;

    @Inject
    CartAddResource(SandboxContext context) {
        this.gate = context.gate();
        this.responses = context.responses();
        this.carts = context.carts();
    }

    @PUT
    public Response add(@HeaderParam("Authorization") String authorization, String body) {
        UUID profileId = gate.shopperWithScope(authorization, Scopes.CART_BASIC_WRITE);
        carts.add(profileId, parse(body));
        return Response.noContent().build();
    }

    /** All items are checked before any is added, so a bad item leaves the cart as it was. */
    private List<ItemToAdd> parse(String body) {
        JsonNode root;
        try {
            root = responses.mapper().readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw responses.invalidParameter(CANNOT_PARSE);
        }
        if (root == null || !root.isObject() || !root.path("items").isArray() || root.get("items").isEmpty()) {
            throw responses.invalidParameter(CANNOT_PARSE);
        }
        List<ItemToAdd> items = new ArrayList<>();
        for (JsonNode item : root.get("items")) {
            if (!item.isObject()) {
                throw responses.invalidParameter(CANNOT_PARSE);
            }
            JsonNode upc = item.get("upc");
            if (upc == null || !upc.isTextual() || upc.asText().length() != 13) {
                throw responses.invalidParameter("UPC must have a length of 13 characters");
            }
            JsonNode quantity = item.get("quantity");
            if (quantity == null || !quantity.canConvertToExactIntegral() || !quantity.canConvertToInt()
                    || quantity.asInt() < 1) {
                throw responses.invalidParameter("Quantity must be an integer greater than or equal to 1");
            }
            JsonNode modality = item.get("modality");
            String chosen = "PICKUP";
            if (modality != null && !modality.isNull()) {
                if (!modality.isTextual() || !MODALITIES.contains(modality.asText())) {
                    throw responses.invalidParameter(
                            "Modality must be omitted or equal to one of the following codes: SHIP, DELIVERY, PICKUP");
                }
                chosen = modality.asText();
            }
            items.add(new ItemToAdd(upc.asText(), quantity.asInt(), chosen));
        }
        return items;
    }
}
