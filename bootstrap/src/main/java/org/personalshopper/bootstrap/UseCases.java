package org.personalshopper.bootstrap;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.personalshopper.adapters.persistence.PostgresPersistence;
import org.personalshopper.application.port.in.AuthenticateShopper;
import org.personalshopper.application.port.in.CheckReadiness;
import org.personalshopper.application.port.in.ChoosePreferredStore;
import org.personalshopper.application.port.in.FillCart;
import org.personalshopper.application.port.in.FindStores;
import org.personalshopper.application.port.in.KeepHouse;
import org.personalshopper.application.port.in.ListProviders;
import org.personalshopper.application.port.in.ManageConnections;
import org.personalshopper.application.port.in.ManageGuidance;
import org.personalshopper.application.port.in.ManageSelections;
import org.personalshopper.application.port.in.SearchProducts;
import org.personalshopper.application.port.in.ViewShopper;
import org.personalshopper.application.port.out.Clock;
import org.personalshopper.application.port.out.ConfiguredProvider;
import org.personalshopper.application.port.out.ProductCatalog;
import org.personalshopper.application.port.out.ProviderRegistry;
import org.personalshopper.application.port.out.StoreDirectory;
import org.personalshopper.application.service.AppAccess;
import org.personalshopper.application.service.ConfiguredProviders;
import org.personalshopper.application.service.AppTokens;
import org.personalshopper.application.service.AuthenticateShopperService;
import org.personalshopper.application.service.CheckReadinessService;
import org.personalshopper.application.service.ChoosePreferredStoreService;
import org.personalshopper.application.service.FillCartService;
import org.personalshopper.application.service.FindStoresService;
import org.personalshopper.application.service.FreshAccessTokens;
import org.personalshopper.application.service.KeepHouseService;
import org.personalshopper.application.service.ListProvidersService;
import org.personalshopper.application.service.ManageConnectionsService;
import org.personalshopper.application.service.ManageGuidanceService;
import org.personalshopper.application.service.ManageSelectionsService;
import org.personalshopper.application.service.SearchProductsService;
import org.personalshopper.application.service.SecureRandomTokens;
import org.personalshopper.application.service.SystemClock;
import org.personalshopper.application.service.ViewShopperService;
import org.personalshopper.domain.Capability;
import org.personalshopper.domain.Provider;
import org.personalshopper.bootstrap.metrics.Metering;

/** Every use case, built from the adapters, and the HK2 binder that hands them to the web resources. */
record UseCases(AuthenticateShopper authenticate, ViewShopper viewShopper, ListProviders listProviders,
                ManageConnections manageConnections,
                ChoosePreferredStore choosePreferredStore, ManageGuidance manageGuidance, ManageSelections manageSelections,
                SearchProducts searchProducts, FindStores findStores, FillCart fillCart, CheckReadiness checkReadiness,
                KeepHouse keepHouse) {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(UseCases.class);

    static UseCases wire(Configuration config, PostgresPersistence db, ProviderRegistry configured, Metering metering) {
        Clock clock = new SystemClock();
        // Every provider's calls metered, then through its own limit (a slow one holds few threads and
        // connections); metered inside the limit, the metrics count the calls that reached the provider.
        ProviderRegistry providers = new ConfiguredProviders(configured.configured().stream()
                .map(p -> new ProviderCallLimit(p.provider(), config.capacity().providerCalls()).limit(metered(metering, p)))
                .toList());
        // One app-token cache per provider, shared by its catalog and its stores.
        Map<Provider, AppTokens> appTokens = new ConcurrentHashMap<>();
        Function<ConfiguredProvider, AppTokens> appTokensOf =
                p -> appTokens.computeIfAbsent(p.provider(), name -> new AppTokens(p.signIn(), clock));
        AppAccess<ProductCatalog> catalog = AppAccess.from(providers, Capability.CATALOG, ConfiguredProvider::catalog, appTokensOf);
        AppAccess<StoreDirectory> stores = AppAccess.from(providers, Capability.STORES, ConfiguredProvider::stores, appTokensOf);
        FreshAccessTokens freshTokens = new FreshAccessTokens(providers, db.connections(), db.transactions(), clock,
                config.refreshSkew());
        return new UseCases(
                new AuthenticateShopperService(providers, db.shoppers(), metering.sessions(db.sessions()),
                        metering.loginAttempts(db.loginAttempts()), db.connections(),
                        db.transactions(), clock, new SecureRandomTokens(), config.sessionPolicy()),
                new ViewShopperService(db.shoppers(), freshTokens),
                new ListProvidersService(providers),
                new ManageConnectionsService(db.shoppers(), db.connections(), db.transactions()),
                new ChoosePreferredStoreService(db.shoppers(), stores, freshTokens),
                new ManageGuidanceService(db.guidance(), clock),
                new ManageSelectionsService(db.selections(), clock),
                new SearchProductsService(db.shoppers(), catalog),
                new FindStoresService(stores),
                new FillCartService(db.selections(), db.cartSubmissions(), providers, freshTokens, clock),
                new CheckReadinessService(db.storageHealth()),
                new KeepHouseService(db.sessions(), db.loginAttempts(), db.cartSubmissions(), config.sessionPolicy(), clock,
                        cartProviderName(providers)));
    }

    /** The provider's adapters with their calls counted and timed. */
    private static ConfiguredProvider metered(Metering metering, ConfiguredProvider p) {
        String name = p.provider().name();
        return new ConfiguredProvider(metering.identity(p.signIn()), p.catalog().map(c -> metering.catalog(name, c)),
                p.stores().map(d -> metering.stores(name, d)), p.cart().map(c -> metering.cart(name, c)));
    }

    /** How shoppers know the provider whose cart is filled, in texts that tell them to look at it. */
    static String cartProviderName(ProviderRegistry providers) {
        return providers.offering(Capability.CART)
                .map(p -> p.provider().name())
                .map(name -> Character.toUpperCase(name.charAt(0)) + name.substring(1))
                .orElse("provider's");
    }

    void purgeExpired() {
        housekeeping("purging expired sessions and login attempts", keepHouse::purgeExpired);
    }

    void settleAbandonedCartAdds() {
        housekeeping("settling cart adds cut off by a stop as unknown", keepHouse::settleAbandonedCartAdds);
    }

    /** Run on a schedule: a failure is logged and the next run tries again. */
    private static void housekeeping(String what, IntSupplier task) {
        try {
            int rows = task.getAsInt();
            if (rows > 0) {
                LOG.info("{}: {} rows", what, rows);
            }
        } catch (RuntimeException e) {
            LOG.warn("{} failed; will try again: {}", what, e.toString());
        }
    }

    AbstractBinder binder() {
        UseCases useCases = this;
        return new AbstractBinder() {
            @Override
            protected void configure() {
                // Each use case behind UseCaseOutages: a database outage is told as its outcome, 503.
                bind(UseCaseOutages.translated(AuthenticateShopper.class, useCases.authenticate)).to(AuthenticateShopper.class);
                bind(UseCaseOutages.translated(ViewShopper.class, useCases.viewShopper)).to(ViewShopper.class);
                bind(UseCaseOutages.translated(ListProviders.class, useCases.listProviders)).to(ListProviders.class);
                bind(UseCaseOutages.translated(ManageConnections.class, useCases.manageConnections)).to(ManageConnections.class);
                bind(UseCaseOutages.translated(ChoosePreferredStore.class, useCases.choosePreferredStore))
                        .to(ChoosePreferredStore.class);
                bind(UseCaseOutages.translated(ManageGuidance.class, useCases.manageGuidance)).to(ManageGuidance.class);
                bind(UseCaseOutages.translated(ManageSelections.class, useCases.manageSelections)).to(ManageSelections.class);
                bind(UseCaseOutages.translated(SearchProducts.class, useCases.searchProducts)).to(SearchProducts.class);
                bind(UseCaseOutages.translated(FindStores.class, useCases.findStores)).to(FindStores.class);
                bind(UseCaseOutages.translated(FillCart.class, useCases.fillCart)).to(FillCart.class);
                bind(UseCaseOutages.translated(CheckReadiness.class, useCases.checkReadiness)).to(CheckReadiness.class);
            }
        };
    }
}
