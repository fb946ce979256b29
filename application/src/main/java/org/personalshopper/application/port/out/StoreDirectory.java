package org.personalshopper.application.port.out;

import org.personalshopper.domain.StoreQuery;
import java.util.List;
import java.util.Optional;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.Store;
import org.personalshopper.domain.StoreLocationId;

/** The grocer's stores. */
public interface StoreDirectory {
    List<Store> search(StoreQuery query, AccessToken appToken);

    /** The store, or empty when the grocer does not know it. */
    Optional<Store> find(StoreLocationId locationId, AccessToken appToken);
}
