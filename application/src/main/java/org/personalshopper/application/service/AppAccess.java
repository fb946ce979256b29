package org.personalshopper.application.service;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.personalshopper.application.port.in.NotOfferedException;
import org.personalshopper.application.port.out.ConfiguredProvider;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.application.port.out.ProviderRegistry;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.Capability;

/**
 * A provider API that acts for no shopper (catalog, stores), reached with that provider's app token; or,
 * when no configured provider offers it, the {@link NotOfferedException} outcome.
 *
 * @param <P> the port: {@code ProductCatalog} or {@code StoreDirectory}
 */
public final class AppAccess<P> {
    private final Capability capability;
    private final Optional<P> port;
    private final Optional<AppTokens> tokens;

    private AppAccess(Capability capability, Optional<P> port, Optional<AppTokens> tokens) {
        this.capability = Objects.requireNonNull(capability, "capability");
        this.port = port;
        this.tokens = tokens;
    }

    /** The port of a provider, called with that provider's app tokens. */
    public static <P> AppAccess<P> of(Capability capability, P port, AppTokens tokens) {
        return new AppAccess<>(capability, Optional.of(port), Optional.of(tokens));
    }

    /**
     * The first configured provider offering {@code capability}, its port picked by {@code port}, with the
     * app tokens {@code appTokens} keeps for that provider (one cache per provider, shared across capabilities).
     */
    public static <P> AppAccess<P> from(ProviderRegistry registry, Capability capability,
                                        Function<ConfiguredProvider, Optional<P>> port,
                                        Function<ConfiguredProvider, AppTokens> appTokens) {
        Optional<ConfiguredProvider> provider = registry.offering(capability);
        return new AppAccess<>(capability, provider.flatMap(port), provider.map(appTokens));
    }

    /**
     * Runs the call with the app token (renewed once on a 401, see {@link AppTokens#withAppToken}).
     *
     * @throws NotOfferedException when no configured provider offers this
     * @throws ProviderException when the provider fails
     */
    public <T> T call(BiFunction<P, AccessToken, T> call) {
        if (port.isEmpty() || tokens.isEmpty()) {
            throw new NotOfferedException(capability, Optional.empty());
        }
        return tokens.get().withAppToken(token -> call.apply(port.get(), token));
    }
}
