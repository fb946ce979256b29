package org.personalshopper.application.port.in;

import java.util.Objects;
import org.personalshopper.domain.Shopper;
import org.personalshopper.domain.ShopperId;

/** Who the signed-in shopper is and whether their grocer connection works. */
public interface ViewShopper {
    record ShopperView(Shopper shopper, ConnectionStatus connection) {
        public ShopperView {
            Objects.requireNonNull(shopper, "shopper");
            Objects.requireNonNull(connection, "connection");
        }
    }

    /** @throws NotFoundException when the shopper no longer exists */
    ShopperView view(ShopperId shopperId);
}
