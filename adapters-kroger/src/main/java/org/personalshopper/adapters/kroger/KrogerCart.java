package org.personalshopper.adapters.kroger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import org.personalshopper.adapters.http.ProviderHttp;
import org.personalshopper.adapters.http.ProviderRequest;
import org.personalshopper.application.port.out.Cart;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.CartItem;

/**
 * Kroger's Cart API: {@code PUT /v1/cart/add} with the shopper's token. Sent exactly once: Kroger has no
 * idempotency key and a repeated add raises the quantity, so an ambiguous failure is reported, never retried.
 */
public final class KrogerCart implements Cart {
    static final String CART_ADD_PATH = "/v1/cart/add";
    static final String SCOPE = "cart.basic:write";

    private final ProviderHttp http;

    KrogerCart(ProviderHttp http) {
        this.http = Objects.requireNonNull(http);
    }

    /** Body {@code {"items":[{"upc":"0001111041700","quantity":2,"modality":"PICKUP"}]}}; any 2xx is success. */
    @Override
    public void add(List<CartItem> items, AccessToken shopperToken) {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(shopperToken, "shopperToken");
        if (items.isEmpty() || items.size() > CartItem.MAX_ITEMS_PER_ADD) {
            throw new IllegalArgumentException("a cart add takes 1 to " + CartItem.MAX_ITEMS_PER_ADD + " items");
        }
        ObjectNode body = http.json().createObjectNode();
        ArrayNode lines = body.putArray("items");
        for (CartItem item : items) {
            lines.addObject()
                    .put("upc", item.upc().padded(KrogerProductMapper.KROGER_ID_DIGITS))
                    .put("quantity", item.quantity().value())
                    .put("modality", item.modality().name());
        }
        byte[] json;
        try {
            json = http.json().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a cart body", e);
        }
        http.call(ProviderRequest.put(CART_ADD_PATH, "cart add")
                .bearer(shopperToken)
                .needsScope(SCOPE)
                .json(json));
    }
}
