package org.personalshopper.application.service;

import java.util.List;
import java.util.Objects;
import org.personalshopper.application.port.in.ListProviders;
import org.personalshopper.application.port.out.ProviderRegistry;

/** The configured providers and what each offers, straight from the registry. */
public final class ListProvidersService implements ListProviders {
    private final ProviderRegistry providers;

    public ListProvidersService(ProviderRegistry providers) {
        this.providers = Objects.requireNonNull(providers, "providers");
    }

    @Override
    public List<ProviderOffer> providers() {
        return providers.configured().stream().map(p -> new ProviderOffer(p.provider(), p.capabilities())).toList();
    }
}
