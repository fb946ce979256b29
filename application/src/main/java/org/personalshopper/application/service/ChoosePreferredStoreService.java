package org.personalshopper.application.service;

import java.util.Objects;
import org.personalshopper.application.port.in.ChoosePreferredStore;
import org.personalshopper.application.port.in.NotFoundException;

import org.personalshopper.application.port.in.UnknownStoreException;

import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.application.port.out.ShopperRepository;
import org.personalshopper.application.port.out.StoreDirectory;
import org.personalshopper.domain.Shopper;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.StoreLocationId;

/**
 * Remembers the shopper's store once the grocer confirms it exists. The grocer is asked first; when it
 * does not know the store or cannot answer, the stored preference is left as it was.
 */
public final class ChoosePreferredStoreService implements ChoosePreferredStore {
    private final ShopperRepository shoppers;
    private final StoreDirectory stores;
    private final AppTokens appTokens;
    private final FreshAccessTokens freshTokens;

    public ChoosePreferredStoreService(ShopperRepository shoppers, StoreDirectory stores, AppTokens appTokens,
                                       FreshAccessTokens freshTokens) {
        this.shoppers = Objects.requireNonNull(shoppers, "shoppers");
        this.stores = Objects.requireNonNull(stores, "stores");
        this.appTokens = Objects.requireNonNull(appTokens, "appTokens");
        this.freshTokens = Objects.requireNonNull(freshTokens, "freshTokens");
    }

    @Override
    public StoreChosen choose(ShopperId shopperId, StoreLocationId locationId) {
        Objects.requireNonNull(shopperId, "shopperId");
        Objects.requireNonNull(locationId, "locationId");
        boolean known;
        try {
            known = appTokens.withAppToken(token -> stores.find(locationId, token)).isPresent();
        } catch (ProviderException e) {
            throw ProviderOutcomes.failed(e);
        }
        if (!known) {
            throw new UnknownStoreException(locationId);
        }
        Shopper updated = shoppers.setPreferredLocation(shopperId, locationId)
                .orElseThrow(() -> new NotFoundException("shopper"));
        return new StoreChosen(updated, freshTokens.status(shopperId));
    }
}
