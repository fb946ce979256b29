package org.personalshopper.application.port.in;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.personalshopper.domain.Capability;
import org.personalshopper.domain.Provider;

/** Which providers a shopper can sign in with or connect, and what each offers. */
public interface ListProviders {
    record ProviderOffer(Provider provider, Set<Capability> capabilities) {
        public ProviderOffer {
            Objects.requireNonNull(provider, "provider");
            capabilities = Set.copyOf(capabilities);
        }
    }

    /** The configured providers, in configuration order. */
    List<ProviderOffer> providers();
}
