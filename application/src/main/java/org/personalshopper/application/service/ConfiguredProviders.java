package org.personalshopper.application.service;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.personalshopper.application.port.out.ConfiguredProvider;
import org.personalshopper.application.port.out.ProviderRegistry;

/** The registry as the bootstrap builds it: a fixed list of providers, each name once. */
public final class ConfiguredProviders implements ProviderRegistry {
    private final List<ConfiguredProvider> providers;

    public ConfiguredProviders(List<ConfiguredProvider> providers) {
        this.providers = List.copyOf(providers);
        Set<String> names = new HashSet<>();
        for (ConfiguredProvider provider : this.providers) {
            if (!names.add(provider.provider().name())) {
                throw new IllegalArgumentException("provider '" + provider.provider() + "' is configured twice");
            }
        }
    }

    @Override
    public List<ConfiguredProvider> configured() {
        return providers;
    }
}
