package org.personalshopper.application.port.in;

import java.util.Objects;
import org.personalshopper.domain.Capability;
import org.personalshopper.domain.Provider;

/** The shopper has no connection to the provider that offers what they asked for: connect it first. */
public final class ConnectionRequiredException extends UseCaseException {
    private final Provider provider;
    private final Capability capability;

    public ConnectionRequiredException(Provider provider, Capability capability) {
        super("connect your " + provider + " account first: it is the provider offering " + capability.wireName(), null);
        this.provider = Objects.requireNonNull(provider, "provider");
        this.capability = Objects.requireNonNull(capability, "capability");
    }

    /** The provider to connect. */
    public Provider provider() {
        return provider;
    }

    public Capability capability() {
        return capability;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.connectionRequired(this);
    }
}
