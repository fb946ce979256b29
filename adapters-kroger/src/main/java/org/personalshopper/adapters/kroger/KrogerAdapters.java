package org.personalshopper.adapters.kroger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Objects;
import org.personalshopper.application.port.out.Cart;
import org.personalshopper.application.port.out.IdentityProvider;
import org.personalshopper.application.port.out.ProductCatalog;
import org.personalshopper.application.port.out.StoreDirectory;

/**
 * The Kroger adapters for one Kroger app, sharing one HTTP client and one error mapping. The bootstrap
 * calls {@link #create(KrogerSettings)} once and binds the four ports.
 */
public final class KrogerAdapters {
    private final KrogerIdentityProvider identityProvider;
    private final KrogerProductCatalog productCatalog;
    private final KrogerStoreDirectory storeDirectory;
    private final KrogerCart cart;

    private KrogerAdapters(KrogerHttp http) {
        this.identityProvider = new KrogerIdentityProvider(http);
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
        HttpClient client = HttpClient.newBuilder()
                // HTTP/1.1 always: an h2c upgrade makes Grizzly (the sandbox) hang on request bodies.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new KrogerAdapters(new KrogerHttp(settings, client, objectMapper(), clock));
    }

    /** Lenient: Kroger's payloads drift from its spec, so unknown fields are ignored; prices stay exact. */
    static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
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
