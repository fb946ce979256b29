package org.personalshopper.application.port.in;

import java.util.List;
import org.personalshopper.domain.StoreQuery;
import org.personalshopper.domain.Store;

/** Finds the grocer's stores near a ZIP code or a point. */
public interface FindStores {
    List<Store> find(StoreQuery query);
}
