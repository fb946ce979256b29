package org.personalshopper.application.port.in;

import java.util.Objects;
import java.util.Optional;
import org.personalshopper.domain.Capability;
import org.personalshopper.domain.Provider;

/**
 * What was asked for is offered by no configured provider: a catalog, stores or a cart when no provider
 * offering them is configured, or a sign-in with a provider this service is not configured for.
 */
public final class NotOfferedException extends UseCaseException {
    private final Capability capability;
    private final Optional<Provider> provider;

    public NotOfferedException(Capability capability, Optional<Provider> provider) {
        super(provider.map(p -> "provider '" + p + "' is not configured for " + capability.wireName())
                .orElse("no configured provider offers " + capability.wireName()), null);
        this.capability = Objects.requireNonNull(capability, "capability");
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    public Capability capability() {
        return capability;
    }

    /** The provider named in the request, when one was. */
    public Optional<Provider> provider() {
        return provider;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.notOffered(this);
    }
}
