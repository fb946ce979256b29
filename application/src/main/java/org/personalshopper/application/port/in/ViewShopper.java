package org.personalshopper.application.port.in;

import java.util.List;
import java.util.Objects;
import org.personalshopper.domain.Shopper;
import org.personalshopper.domain.ShopperId;

/** Who the signed-in shopper is and which provider accounts they connected. */
public interface ViewShopper {
    /** The shopper and their connections, oldest first (the first is the account they started with). */
    record ShopperView(Shopper shopper, List<ConnectionStatus> connections) {
        public ShopperView {
            Objects.requireNonNull(shopper, "shopper");
            connections = List.copyOf(connections);
        }
    }

    /** @throws NotFoundException when the shopper no longer exists */
    ShopperView view(ShopperId shopperId);
}
