package org.personalshopper.application.port.in;

import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.StoreLocationId;

/** Remembers the store a shopper shops at, after checking with the grocer that it exists. */
public interface ChoosePreferredStore {
    /**
     * @throws UnknownStoreException when the grocer does not know the store
     * @throws org.personalshopper.application.port.out.ProviderException when the grocer cannot be asked;
     *         the preference is then unchanged
     */
    ViewShopper.ShopperView choose(ShopperId shopperId, StoreLocationId locationId);
}
