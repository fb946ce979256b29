package org.personalshopper.adapters.kroger;

import java.time.Clock;
import java.util.Objects;
import org.personalshopper.adapters.http.ProviderEndpoint;
import org.personalshopper.adapters.http.ProviderHttp;
import org.personalshopper.application.port.out.Cart;
import org.personalshopper.application.port.out.IdentityProvider;
import org.personalshopper.application.port.out.ProductCatalog;
import org.personalshopper.application.port.out.StoreDirectory;

/**
 * The Kroger adapters for one Kroger app, sharing one HTTP client and one error mapping. The bootstrap
 * calls {@link #create(KrogerSettings)} once and binds the four ports.
 */
public final class KrogerAdapters {
    static final String CREDENTIALS_HINT = "check KROGER_CLIENT_ID and KROGER_CLIENT_SECRET";

    private final KrogerIdentityProvider identityProvider;
    private final KrogerProductCatalog productCatalog;
    private final KrogerStoreDirectory storeDirectory;
    private final KrogerCart cart;

    private KrogerAdapters(KrogerSettings settings, ProviderHttp http) {
        this.identityProvider = new KrogerIdentityProvider(settings, http);
        this.productCatalog = new KrogerProductCatalog(http);
        this.storeDirectory = new KrogerStoreDirectory(http);
        this.cart = new KrogerCart(http);
    }

    public static KrogerAdapters create(KrogerSettings settings) {
        return create(settings, Clock.systemUTC());
    }

    /** With a clock for turning a {@code Retry-After} date into a wait. */
    static KrogerAdapters create(KrogerSettings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        ProviderEndpoint endpoint = new ProviderEndpoint("Kroger", settings.apiBaseUrl(), settings.connectTimeout(),
                settings.requestTimeout(), CREDENTIALS_HINT);
        return new KrogerAdapters(settings, ProviderHttp.create(endpoint, clock));
    }

    public IdentityProvider identityProvider() {
        return identityProvider;
    }

    public ProductCatalog productCatalog() {
        return productCatalog;
    }

    public StoreDirectory storeDirectory() {
        return storeDirectory;
    }

    public Cart cart() {
        return cart;
    }
}
