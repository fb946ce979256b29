package org.personalshopper.bootstrap;

import java.util.function.IntSupplier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.personalshopper.adapters.kroger.KrogerAdapters;
import org.personalshopper.adapters.persistence.PostgresPersistence;
import org.personalshopper.application.port.in.AuthenticateShopper;
import org.personalshopper.application.port.in.CheckReadiness;
import org.personalshopper.application.port.in.ChooseProductForItem;
import org.personalshopper.application.port.in.ManageShoppingLists;
import org.personalshopper.application.port.in.PlanShoppingList;
import org.personalshopper.application.port.in.SendListToCart;
import org.personalshopper.application.port.in.ChoosePreferredStore;
import org.personalshopper.application.port.in.FillCart;
import org.personalshopper.application.port.in.FindStores;
import org.personalshopper.application.port.in.KeepHouse;
import org.personalshopper.application.port.in.ManageGuidance;
import org.personalshopper.application.port.in.ManageSelections;
import org.personalshopper.application.port.in.SearchProducts;
import org.personalshopper.application.port.in.ViewShopper;
import org.personalshopper.application.port.out.Cart;
import org.personalshopper.application.port.out.Clock;
import org.personalshopper.application.port.out.IdentityProvider;
import org.personalshopper.application.port.out.ProductCatalog;
import org.personalshopper.application.port.out.StoreDirectory;
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
import org.personalshopper.application.service.ManageGuidanceService;
import org.personalshopper.application.service.ManageSelectionsService;
import org.personalshopper.application.service.SearchProductsService;
import org.personalshopper.application.service.SecureRandomTokens;
import org.personalshopper.application.service.SystemClock;
import org.personalshopper.application.service.ViewShopperService;
import org.personalshopper.bootstrap.metrics.Metering;

/** Every use case, built from the adapters, and the HK2 binder that hands them to the web resources. */
record UseCases(AuthenticateShopper authenticate, ViewShopper viewShopper,
                ChoosePreferredStore choosePreferredStore, ManageGuidance manageGuidance, ManageSelections manageSelections,
                SearchProducts searchProducts, FindStores findStores, FillCart fillCart, CheckReadiness checkReadiness,
                KeepHouse keepHouse, ManageShoppingLists manageLists, PlanShoppingList planList,
                ChooseProductForItem chooseProduct, SendListToCart sendList, ExecutorService planSearches)
        implements AutoCloseable {
    /** How shoppers know the provider, in texts that tell them to look at it (e.g. its cart). */
    static final String PROVIDER_NAME = "Kroger";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(UseCases.class);

    static UseCases wire(Configuration config, PostgresPersistence db, KrogerAdapters kroger, Metering metering,
            CandidatePicking picking) {
        Clock clock = new SystemClock();
        ProviderCallLimit krogerCalls = new ProviderCallLimit(kroger.identityProvider().provider(),
                config.capacity().providerCalls());
        // Metered inside the call limit: the metrics count the calls that reached the provider.
        String provider = kroger.identityProvider().provider().name();
        IdentityProvider identity = krogerCalls.limit(metering.identity(kroger.identityProvider()));
        // Searches are cached in front of the call limit (a hit takes no place), with the app token only:
        // never anything made with a shopper's token.
        ProductCatalog catalog = new CachingProductCatalog(
                krogerCalls.limit(metering.catalog(provider, kroger.productCatalog())), clock,
                config.planning().catalogCacheTtl(), CATALOG_CACHE_ENTRIES);
        StoreDirectory stores = krogerCalls.limit(metering.stores(provider, kroger.storeDirectory()));
        Cart cart = krogerCalls.limit(metering.cart(provider, kroger.cart()));
        AppTokens appTokens = new AppTokens(identity, clock);
        FreshAccessTokens freshTokens = new FreshAccessTokens(identity, db.tokens(), db.transactions(), clock,
                config.refreshSkew());
        ExecutorService planSearches = searchThreads(config.planning().searchConcurrency());
        FillCart fillCart = new FillCartService(db.selections(), db.cartSubmissions(), cart, freshTokens, clock);
        return new UseCases(
                new AuthenticateShopperService(identity, db.shoppers(), metering.sessions(db.sessions()),
                        metering.loginAttempts(db.loginAttempts()), db.tokens(),
                        db.transactions(), clock, new SecureRandomTokens(), config.sessionPolicy()),
                new ViewShopperService(db.shoppers(), freshTokens),
                new ChoosePreferredStoreService(db.shoppers(), stores, appTokens, freshTokens),
                new ManageGuidanceService(db.guidance(), clock),
                new ManageSelectionsService(db.selections(), clock),
                new SearchProductsService(db.shoppers(), catalog, appTokens),
                new FindStoresService(stores, appTokens),
                fillCart,
                new CheckReadinessService(db.storageHealth()),
                new KeepHouseService(db.sessions(), db.loginAttempts(), db.cartSubmissions(), config.sessionPolicy(), clock,
                        PROVIDER_NAME),
                new ManageShoppingListsService(db.shoppingLists(), clock),
                new PlanShoppingListService(db.shoppingLists(), db.shoppers(), db.guidance(), db.selections(), catalog, appTokens,
                        planSearches, config.planning().searchConcurrency(), picking),
                new ChooseProductForItemService(db.shoppingLists(), db.shoppers(), db.selections(), catalog, appTokens, clock),
                new SendListToCartService(db.shoppingLists(), db.selections(), fillCart, clock),
                planSearches);
    }

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

    AbstractBinder binder() {
        UseCases useCases = this;
        return new AbstractBinder() {
            @Override
            protected void configure() {
                // Each use case behind UseCaseOutages: a database outage is told as its outcome, 503.
                bind(UseCaseOutages.translated(AuthenticateShopper.class, useCases.authenticate)).to(AuthenticateShopper.class);
                bind(UseCaseOutages.translated(ViewShopper.class, useCases.viewShopper)).to(ViewShopper.class);
                bind(UseCaseOutages.translated(ChoosePreferredStore.class, useCases.choosePreferredStore))
                        .to(ChoosePreferredStore.class);
                bind(UseCaseOutages.translated(ManageGuidance.class, useCases.manageGuidance)).to(ManageGuidance.class);
                bind(UseCaseOutages.translated(ManageSelections.class, useCases.manageSelections)).to(ManageSelections.class);
                bind(UseCaseOutages.translated(SearchProducts.class, useCases.searchProducts)).to(SearchProducts.class);
                bind(UseCaseOutages.translated(FindStores.class, useCases.findStores)).to(FindStores.class);
                bind(UseCaseOutages.translated(FillCart.class, useCases.fillCart)).to(FillCart.class);
                bind(UseCaseOutages.translated(CheckReadiness.class, useCases.checkReadiness)).to(CheckReadiness.class);
                bind(UseCaseOutages.translated(ManageShoppingLists.class, useCases.manageLists)).to(ManageShoppingLists.class);
                bind(UseCaseOutages.translated(PlanShoppingList.class, useCases.planList)).to(PlanShoppingList.class);
                bind(UseCaseOutages.translated(ChooseProductForItem.class, useCases.chooseProduct))
                        .to(ChooseProductForItem.class);
                bind(UseCaseOutages.translated(SendListToCart.class, useCases.sendList)).to(SendListToCart.class);
            }
        };
    }
}
