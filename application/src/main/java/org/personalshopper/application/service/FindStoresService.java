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
    private final StoreDirectory stores;
    private final AppTokens appTokens;

    public FindStoresService(StoreDirectory stores, AppTokens appTokens) {
        this.stores = Objects.requireNonNull(stores, "stores");
        this.appTokens = Objects.requireNonNull(appTokens, "appTokens");
    }

    @Override
    public List<Store> find(StoreQuery query) {
        Objects.requireNonNull(query, "query");
        try {
            return appTokens.withAppToken(token -> stores.search(query, token));
        } catch (ProviderException e) {
            throw ProviderOutcomes.failed(e);
        }
    }
}
