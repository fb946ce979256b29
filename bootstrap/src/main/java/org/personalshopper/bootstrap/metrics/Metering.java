package org.personalshopper.bootstrap.metrics;

import org.personalshopper.application.port.out.Cart;
import org.personalshopper.application.port.out.IdentityProvider;
import org.personalshopper.application.port.out.LoginAttemptRepository;
import org.personalshopper.application.port.out.ProductCatalog;
import org.personalshopper.application.port.out.SessionRepository;
import org.personalshopper.application.port.out.StoreDirectory;

/**
 * Puts metrics around the outgoing ports as the bootstrap wires them, so the core and the adapters never
 * see the metrics library. {@link #NONE} hands every port back as it is (metrics off).
 */
public interface Metering {
    Metering NONE = new Metering() {
    };

    default IdentityProvider identity(IdentityProvider provider) {
        return provider;
    }

    default ProductCatalog catalog(String provider, ProductCatalog catalog) {
        return catalog;
    }

    default StoreDirectory stores(String provider, StoreDirectory stores) {
        return stores;
    }

    default Cart cart(String provider, Cart cart) {
        return cart;
    }

    default LoginAttemptRepository loginAttempts(LoginAttemptRepository attempts) {
        return attempts;
    }

    default SessionRepository sessions(SessionRepository sessions) {
        return sessions;
    }

    /** Every decorator, recording into {@code metrics}. */
    static Metering into(ServiceMetrics metrics) {
        return new Metered(metrics.registry());
    }
}
