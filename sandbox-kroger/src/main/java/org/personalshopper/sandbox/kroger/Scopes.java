package org.personalshopper.sandbox.kroger;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The scopes the sandbox's one registered app holds, and what each lets the app do (shown on consent). */
final class Scopes {

    static final String PROFILE_COMPACT = "profile.compact";
    static final String CART_BASIC_WRITE = "cart.basic:write";
    static final String PRODUCT_COMPACT = "product.compact";

    /** Kroger fixes an app's scopes at registration; anything else (coupon.basic, profile.full...) is refused. */
    static final Map<String, String> REGISTERED = Map.of(
            PROFILE_COMPACT, "See your Kroger profile id",
            CART_BASIC_WRITE, "Add items to your Kroger cart",
            PRODUCT_COMPACT, "Look up products, prices and stock at your store");

    private Scopes() {
    }

    /** Splits a space-separated scope string; empty when the string holds no scope. */
    static Set<String> parse(String scopeString) {
        Set<String> scopes = new LinkedHashSet<>();
        if (scopeString != null) {
            for (String scope : scopeString.split(" ")) {
                if (!scope.isEmpty()) {
                    scopes.add(scope);
                }
            }
        }
        return scopes;
    }

    static boolean allRegistered(Set<String> scopes) {
        return !scopes.isEmpty() && REGISTERED.keySet().containsAll(scopes);
    }
}
