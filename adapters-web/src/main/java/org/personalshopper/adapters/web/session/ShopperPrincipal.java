package org.personalshopper.adapters.web.session;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Objects;
import org.personalshopper.domain.ShopperId;

/** The shopper a request's session belongs to, as the authentication filter found it. */
public record ShopperPrincipal(ShopperId shopperId) implements Principal {
    public ShopperPrincipal {
        Objects.requireNonNull(shopperId, "shopperId");
    }

    @Override
    public String getName() {
        return shopperId.toString();
    }

    /** The signed-in shopper; only called on resources behind {@link SessionRequired}. */
    public static ShopperId of(SecurityContext context) {
        if (context != null && context.getUserPrincipal() instanceof ShopperPrincipal p) {
            return p.shopperId();
        }
        throw new IllegalStateException("a resource behind @SessionRequired ran without a session");
    }
}
