package org.personalshopper.application.service;

import java.util.List;
import java.util.Objects;
import org.personalshopper.application.port.in.FindStores;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.application.port.out.StoreDirectory;
import org.personalshopper.domain.StoreQuery;
import org.personalshopper.domain.Store;

/** Store search with the app token. */
public final class FindStoresService implements FindStores {
    private final AppAccess<StoreDirectory> stores;

    public FindStoresService(AppAccess<StoreDirectory> stores) {
        this.stores = Objects.requireNonNull(stores, "stores");
    }

    @Override
    public List<Store> find(StoreQuery query) {
        Objects.requireNonNull(query, "query");
        try {
            return stores.call((directory, token) -> directory.search(query, token));
        } catch (ProviderException e) {
            throw ProviderOutcomes.failed(e);
        }
    }
}
