package org.personalshopper.application.port.out;

import java.util.List;
import java.util.Optional;
import org.personalshopper.domain.Capability;
import org.personalshopper.domain.Provider;

/**
 * The providers this service is configured for, in the order the operator configured them (the first one
 * signs shoppers in when no provider is named), and what each offers. The core asks it for "a provider
 * with a cart" or "the provider this sign-in names", never for a provider by a name of its own.
 */
public interface ProviderRegistry {
    List<ConfiguredProvider> configured();

    default Optional<ConfiguredProvider> find(Provider provider) {
        return configured().stream().filter(p -> p.provider().equals(provider)).findFirst();
    }

    /** The first configured provider offering {@code capability}. */
    default Optional<ConfiguredProvider> offering(Capability capability) {
        return configured().stream().filter(p -> p.offers(capability)).findFirst();
    }

    /** The provider a sign-in goes to when none is named: the first configured. */
    default Optional<ConfiguredProvider> defaultSignIn() {
        return configured().stream().findFirst();
    }
}
