package org.personalshopper.application.port.out;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.personalshopper.domain.Capability;
import org.personalshopper.domain.Provider;

/**
 * One provider this service is configured for, and its adapters: every provider signs shoppers in; a
 * catalog, stores and a cart are present only where the provider offers them.
 */
public record ConfiguredProvider(IdentityProvider signIn, Optional<ProductCatalog> catalog,
                                 Optional<StoreDirectory> stores, Optional<Cart> cart) {
    public ConfiguredProvider {
        Objects.requireNonNull(signIn, "signIn");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(stores, "stores");
        Objects.requireNonNull(cart, "cart");
    }

    /** A provider that offers sign-in only. */
    public static ConfiguredProvider signInOnly(IdentityProvider signIn) {
        return new ConfiguredProvider(signIn, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public Provider provider() {
        return signIn.provider();
    }

    public Set<Capability> capabilities() {
        Set<Capability> offered = EnumSet.of(Capability.SIGN_IN);
        catalog.ifPresent(c -> offered.add(Capability.CATALOG));
        stores.ifPresent(s -> offered.add(Capability.STORES));
        cart.ifPresent(c -> offered.add(Capability.CART));
        return offered;
    }

    public boolean offers(Capability capability) {
        return capabilities().contains(capability);
    }
}
