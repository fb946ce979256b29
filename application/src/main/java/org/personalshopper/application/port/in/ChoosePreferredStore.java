package org.personalshopper.application.port.in;

import java.util.Objects;
import org.personalshopper.domain.Shopper;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.StoreLocationId;

/** Remembers the store a shopper shops at, after checking with the provider that it exists. */
public interface ChoosePreferredStore {
    /** The shopper with their new preferred store, and their provider connection. */
    record StoreChosen(Shopper shopper, ConnectionStatus connection) {
        public StoreChosen {
            Objects.requireNonNull(shopper, "shopper");
            Objects.requireNonNull(connection, "connection");
        }
    }

    /**
     * @throws UnknownStoreException when the provider does not know the store
     * @throws ProviderFailedException when the provider cannot be asked; the preference is then unchanged
     */
    StoreChosen choose(ShopperId shopperId, StoreLocationId locationId);
}
