package org.personalshopper.adapters.kroger;

import static org.personalshopper.adapters.http.JsonFields.decimal;
import static org.personalshopper.adapters.http.JsonFields.object;
import static org.personalshopper.adapters.http.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;
import org.personalshopper.domain.Address;
import org.personalshopper.domain.GeoPoint;
import org.personalshopper.domain.InvalidValueException;
import org.personalshopper.domain.Store;
import org.personalshopper.domain.StoreLocationId;

/** Turns one Kroger location into a store a shopper can choose. */
final class KrogerStoreMapper {
    private KrogerStoreMapper() {
    }

    /** The store, or empty when it lacks a valid location id or a name. */
    static Optional<Store> toStore(JsonNode location) {
        Optional<String> locationId = text(location, "locationId");
        Optional<String> name = text(location, "name");
        if (locationId.isEmpty() || name.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode address = object(location, "address").orElse(null);
            return Optional.of(new Store(new StoreLocationId(locationId.get()), text(location, "chain").orElse(""),
                    name.get(),
                    new Address(text(address, "addressLine1").orElse(""), text(address, "addressLine2"),
                            text(address, "city").orElse(""), text(address, "state").orElse(""),
                            text(address, "zipCode").orElse("")),
                    geolocation(location), text(location, "phone")));
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }

    private static Optional<GeoPoint> geolocation(JsonNode location) {
        Optional<JsonNode> geo = object(location, "geolocation");
        Optional<BigDecimal> latitude = geo.flatMap(g -> decimal(g, "latitude"));
        Optional<BigDecimal> longitude = geo.flatMap(g -> decimal(g, "longitude"));
        try {
            if (latitude.isPresent() && longitude.isPresent()) {
                return Optional.of(new GeoPoint(latitude.get().doubleValue(), longitude.get().doubleValue()));
            }
            return geo.flatMap(g -> text(g, "latLng")).map(GeoPoint::parse);
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }
}
