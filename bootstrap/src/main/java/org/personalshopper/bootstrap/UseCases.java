package org.personalshopper.bootstrap;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.IntSupplier;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.hk2.api.Factory;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.personalshopper.adapters.persistence.PostgresPersistence;
import org.personalshopper.application.port.in.AuthenticateShopper;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.application.port.in.CheckReadiness;
import org.personalshopper.application.port.in.ChooseProductForItem;
import org.personalshopper.application.port.in.ManageShoppingLists;
import org.personalshopper.application.port.in.PlanShoppingList;
import org.personalshopper.application.port.in.SendListToCart;
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
import org.personalshopper.application.service.CachingProductCatalog;
import org.personalshopper.application.service.CandidatePicking;
import org.personalshopper.application.service.ChooseProductForItemService;
import org.personalshopper.application.service.ManageShoppingListsService;
import org.personalshopper.application.service.PlanShoppingListService;
import org.personalshopper.application.service.SendListToCartService;
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
import org.personalshopper.application.port.in.NotOfferedException;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.Capability;
import org.personalshopper.domain.Product;
import org.personalshopper.domain.ProductId;
import org.personalshopper.domain.ProductPage;
import org.personalshopper.domain.ProductQuery;
import org.personalshopper.domain.StoreLocationId;
import org.personalshopper.domain.Provider;
import org.personalshopper.bootstrap.metrics.Metering;

/** Every use case, built from the adapters, and the HK2 binder that hands them to the web resources. */
record UseCases(AuthenticateShopper authenticate, ViewShopper viewShopper, ListProviders listProviders,
                ManageConnections manageConnections,
                ChoosePreferredStore choosePreferredStore, ManageGuidance manageGuidance, ManageSelections manageSelections,
                SearchProducts searchProducts, FindStores findStores, FillCart fillCart, CheckReadiness checkReadiness,
                KeepHouse keepHouse, ManageShoppingLists manageLists, PlanShoppingList planList,
                ChooseProductForItem chooseProduct, SendListToCart sendList, ExecutorService planSearches)
        implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(UseCases.class);

    static UseCases wire(Configuration config, PostgresPersistence db, ProviderRegistry configured, Metering metering,
            CandidatePicking picking) {
        Clock clock = new SystemClock();
        // Every provider's calls metered, then through its own limit (a slow one holds few threads and
        // connections); metered inside the limit, the metrics count the calls that reached the provider.
        // Catalog searches are cached in front of the call limit (a hit takes no place), with the app token
        // only: never anything made with a shopper's token.
        ProviderRegistry providers = new ConfiguredProviders(configured.configured().stream()
                .map(p -> new ProviderCallLimit(p.provider(), config.capacity().providerCalls()).limit(metered(metering, p)))
                .map(p -> cachedCatalog(p, clock, config.planning().catalogCacheTtl()))
                .toList());
        // One app-token cache per provider, shared by its catalog and its stores.
        Map<Provider, AppTokens> appTokens = new ConcurrentHashMap<>();
        Function<ConfiguredProvider, AppTokens> appTokensOf =
                p -> appTokens.computeIfAbsent(p.provider(), name -> new AppTokens(p.signIn(), clock));
        AppAccess<ProductCatalog> catalog = AppAccess.from(providers, Capability.CATALOG, ConfiguredProvider::catalog, appTokensOf);
        AppAccess<StoreDirectory> stores = AppAccess.from(providers, Capability.STORES, ConfiguredProvider::stores, appTokensOf);
        // Lists plan against the catalog provider's (cached, limited) catalog with that provider's app tokens.
        Optional<ConfiguredProvider> catalogProvider = providers.offering(Capability.CATALOG);
        ProductCatalog listCatalog = catalogProvider.flatMap(ConfiguredProvider::catalog).orElse(NO_CATALOG);
        AppTokens listAppTokens = appTokensOf.apply(catalogProvider.or(providers::defaultSignIn)
                .orElseThrow(() -> new IllegalStateException("no provider is configured")));
        FreshAccessTokens freshTokens = new FreshAccessTokens(providers, db.connections(), db.transactions(), clock,
                config.refreshSkew());
        ExecutorService planSearches = searchThreads(config.planning().searchConcurrency());
        FillCart fillCart = new FillCartService(db.selections(), db.cartSubmissions(), providers, freshTokens, clock);
        return new UseCases(
                new AuthenticateShopperService(providers, db.shoppers(), metering.sessions(db.sessions()),
                        metering.loginAttempts(db.loginAttempts()), db.connections(),
                        db.transactions(), clock, new SecureRandomTokens(), config.sessionPolicy()),
                new ViewShopperService(db.shoppers()),
                new ListProvidersService(providers),
                new ManageConnectionsService(db.shoppers(), db.connections(), db.transactions()),
                new ChoosePreferredStoreService(db.shoppers(), stores, freshTokens),
                new ManageGuidanceService(db.guidance(), clock),
                new ManageSelectionsService(db.selections(), clock),
                new SearchProductsService(db.shoppers(), catalog),
                new FindStoresService(stores),
                fillCart,
                new CheckReadinessService(db.storageHealth()),
                new KeepHouseService(db.sessions(), db.loginAttempts(), db.cartSubmissions(), config.sessionPolicy(), clock,
                        cartProviderName(providers)),
                new ManageShoppingListsService(db.shoppingLists(), clock),
                new PlanShoppingListService(db.shoppingLists(), db.shoppers(), db.guidance(), db.selections(), listCatalog,
                        listAppTokens, planSearches, config.planning().searchConcurrency(), picking),
                new ChooseProductForItemService(db.shoppingLists(), db.shoppers(), db.selections(), listCatalog, listAppTokens,
                        clock),
                new SendListToCartService(db.shoppingLists(), db.selections(), fillCart, clock),
                planSearches);
    }

    /** The provider's adapters with their calls counted and timed. */
    private static ConfiguredProvider metered(Metering metering, ConfiguredProvider p) {
        String name = p.provider().name();
        return new ConfiguredProvider(metering.identity(p.signIn()), p.catalog().map(c -> metering.catalog(name, c)),
                p.stores().map(d -> metering.stores(name, d)), p.cart().map(c -> metering.cart(name, c)));
    }

    /** The provider with its catalog's searches cached (zero time to live: not cached). */
    private static ConfiguredProvider cachedCatalog(ConfiguredProvider p, Clock clock, Duration ttl) {
        return new ConfiguredProvider(p.signIn(),
                p.catalog().map(c -> (ProductCatalog) new CachingProductCatalog(c, clock, ttl, CATALOG_CACHE_ENTRIES)),
                p.stores(), p.cart());
    }

    /** How shoppers know the provider whose cart is filled, in texts that tell them to look at it. */
    static String cartProviderName(ProviderRegistry providers) {
        return providers.offering(Capability.CART)
                .map(p -> p.provider().name())
                .map(name -> Character.toUpperCase(name.charAt(0)) + name.substring(1))
                .orElse("provider's");
    }

    /** No configured provider offers a catalog: list searches and picks answer that outcome. */
    private static final ProductCatalog NO_CATALOG = new ProductCatalog() {
        @Override
        public ProductPage search(ProductQuery query, AccessToken appToken) {
            throw new NotOfferedException(Capability.CATALOG, Optional.empty());
        }

        @Override
        public Optional<Product> find(ProductId productId, Optional<StoreLocationId> locationId, AccessToken appToken) {
            throw new NotOfferedException(Capability.CATALOG, Optional.empty());
        }
    };

    /** How many search pages the catalog cache keeps at most (a few MB). */
    private static final int CATALOG_CACHE_ENTRIES = 2_000;

    /** The threads that run a plan's searches: bounded, so a plan never floods the provider. */
    private static ExecutorService searchThreads(int count) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(count, runnable -> {
            Thread thread = new Thread(runnable, "catalog-search-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void close() {
        planSearches.shutdownNow();
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

    /**
     * The HK2 binder that hands the use cases to the web resources, given while they are still being wired: the
     * web application is built on one thread while the database opens on another (docs/adr/0011-*). Each port
     * is a singleton from a factory that takes it from {@code wiring} when first asked, at the first request
     * that needs it; the HTTP server starts only after the wiring is done, so no request waits for it. Sign-in
     * is the exception: the session filter, which Jersey builds while it builds the application, injects it, so
     * it is bound at once to {@link AuthenticateWhenWired}. (Any other port a filter injects would make the
     * build wait there for the wiring: slower, never wrong.)
     */
    static AbstractBinder binder(CompletableFuture<UseCases> wiring) {
        return new AbstractBinder() {
            @Override
            protected void configure() {
                // Each use case behind UseCaseOutages: a database outage is told as its outcome, 503.
                bind(new AuthenticateWhenWired(wiring)).to(AuthenticateShopper.class);
                bindFactory(wired(wiring, u -> new UseCaseOutages.View(u.viewShopper))).to(ViewShopper.class).in(Singleton.class);
                bindFactory(wired(wiring, u -> new UseCaseOutages.Providers(u.listProviders))).to(ListProviders.class).in(Singleton.class);
                bindFactory(wired(wiring, u -> new UseCaseOutages.Connections(u.manageConnections))).to(ManageConnections.class).in(Singleton.class);
                bindFactory(wired(wiring, u -> new UseCaseOutages.PreferredStore(u.choosePreferredStore))).to(ChoosePreferredStore.class).in(Singleton.class);
                bindFactory(wired(wiring, u -> new UseCaseOutages.Guidances(u.manageGuidance))).to(ManageGuidance.class).in(Singleton.class);
                bindFactory(wired(wiring, u -> new UseCaseOutages.Selections(u.manageSelections))).to(ManageSelections.class).in(Singleton.class);
                bindFactory(wired(wiring, u -> new UseCaseOutages.Search(u.searchProducts))).to(SearchProducts.class).in(Singleton.class);
                bindFactory(wired(wiring, u -> new UseCaseOutages.Stores(u.findStores))).to(FindStores.class).in(Singleton.class);
                bindFactory(wired(wiring, u -> new UseCaseOutages.Cart(u.fillCart))).to(FillCart.class).in(Singleton.class);
                bindFactory(wired(wiring, u -> new UseCaseOutages.Readiness(u.checkReadiness))).to(CheckReadiness.class).in(Singleton.class);
                bindFactory(wired(wiring, u -> new UseCaseOutages.Lists(u.manageLists))).to(ManageShoppingLists.class).in(Singleton.class);
                bindFactory(wired(wiring, u -> new UseCaseOutages.Plan(u.planList))).to(PlanShoppingList.class).in(Singleton.class);
                bindFactory(wired(wiring, u -> new UseCaseOutages.ProductChoice(u.chooseProduct))).to(ChooseProductForItem.class).in(Singleton.class);
                bindFactory(wired(wiring, u -> new UseCaseOutages.ListSending(u.sendList))).to(SendListToCart.class).in(Singleton.class);
            }
        };
    }

    /** The port of the use cases once wired; their failure to wire, as it was thrown, if they were not. */
    private static <T> Factory<T> wired(CompletableFuture<UseCases> wiring, Function<UseCases, T> port) {
        return new Factory<>() {
            @Override
            public T provide() {
                return port.apply(wiring.join());
            }

            @Override
            public void dispose(T instance) {
                // closed with the use cases
            }
        };
    }

    /**
     * Sign-in, bound before the use cases are wired: each call takes the wired use case (behind
     * {@link UseCaseOutages}), found once; no call comes before the HTTP server starts, i.e. after the wiring.
     * {@code UseCasesTest} checks that every method of the port is written out here.
     */
    static final class AuthenticateWhenWired implements AuthenticateShopper {
        private final CompletableFuture<UseCases> wiring;
        private volatile AuthenticateShopper wired;

        AuthenticateWhenWired(CompletableFuture<UseCases> wiring) {
            this.wiring = wiring;
        }

        private AuthenticateShopper useCase() {
            AuthenticateShopper useCase = wired;
            if (useCase == null) {
                useCase = new UseCaseOutages.Authenticate(wiring.join().authenticate());
                wired = useCase;
            }
            return useCase;
        }

        @Override
        public LoginRedirect beginLogin(BeginLogin command) {
            return useCase().beginLogin(command);
        }

        @Override
        public SignedIn completeLogin(CompleteLogin command) {
            return useCase().completeLogin(command);
        }

        @Override
        public Optional<ShopperId> identify(String sessionId) {
            return useCase().identify(sessionId);
        }

        @Override
        public void signOut(String sessionId) {
            useCase().signOut(sessionId);
        }

        @Override
        public void signOutEverywhere(String sessionId) {
            useCase().signOutEverywhere(sessionId);
        }
    }
}
