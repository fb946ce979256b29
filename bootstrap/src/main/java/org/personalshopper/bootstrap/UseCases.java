package org.personalshopper.bootstrap;

import java.util.function.IntSupplier;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.personalshopper.adapters.kroger.KrogerAdapters;
import org.personalshopper.adapters.persistence.PostgresPersistence;
import org.personalshopper.application.port.in.AuthenticateShopper;
import org.personalshopper.application.port.in.CheckReadiness;
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

/** Every use case, built from the adapters, and the HK2 binder that hands them to the web resources. */
record UseCases(AuthenticateShopper authenticate, ViewShopper viewShopper,
                ChoosePreferredStore choosePreferredStore, ManageGuidance manageGuidance, ManageSelections manageSelections,
                SearchProducts searchProducts, FindStores findStores, FillCart fillCart, CheckReadiness checkReadiness,
                KeepHouse keepHouse) {
    /** How shoppers know the provider, in texts that tell them to look at it (e.g. its cart). */
    static final String PROVIDER_NAME = "Kroger";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(UseCases.class);

    static UseCases wire(Configuration config, PostgresPersistence db, KrogerAdapters kroger) {
        Clock clock = new SystemClock();
        ProviderCallLimit krogerCalls = new ProviderCallLimit(kroger.identityProvider().provider(),
                config.capacity().providerCalls());
        IdentityProvider identity = krogerCalls.limit(kroger.identityProvider());
        ProductCatalog catalog = krogerCalls.limit(kroger.productCatalog());
        StoreDirectory stores = krogerCalls.limit(kroger.storeDirectory());
        Cart cart = krogerCalls.limit(kroger.cart());
        AppTokens appTokens = new AppTokens(identity, clock);
        FreshAccessTokens freshTokens = new FreshAccessTokens(identity, db.tokens(), db.transactions(), clock,
                config.refreshSkew());
        return new UseCases(
                new AuthenticateShopperService(identity, db.shoppers(), db.sessions(), db.loginAttempts(), db.tokens(),
                        db.transactions(), clock, new SecureRandomTokens(), config.sessionPolicy()),
                new ViewShopperService(db.shoppers(), freshTokens),
                new ChoosePreferredStoreService(db.shoppers(), stores, appTokens, freshTokens),
                new ManageGuidanceService(db.guidance(), clock),
                new ManageSelectionsService(db.selections(), clock),
                new SearchProductsService(db.shoppers(), catalog, appTokens),
                new FindStoresService(stores, appTokens),
                new FillCartService(db.selections(), db.cartSubmissions(), cart, freshTokens, clock),
                new CheckReadinessService(db.storageHealth()),
                new KeepHouseService(db.sessions(), db.loginAttempts(), db.cartSubmissions(), config.sessionPolicy(), clock,
                        PROVIDER_NAME));
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
            }
        };
    }
}
