package org.personalshopper.adapters.kroger;

import static org.personalshopper.adapters.http.JsonFields.list;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.personalshopper.adapters.http.ProviderAnswer;
import org.personalshopper.adapters.http.ProviderHttp;
import org.personalshopper.adapters.http.ProviderRequest;
import org.personalshopper.adapters.http.UriEncoding;
import org.personalshopper.application.port.out.StoreDirectory;
import org.personalshopper.domain.StoreQuery;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.GeoPoint;
import org.personalshopper.domain.Store;
import org.personalshopper.domain.StoreLocationId;

/** Kroger's Locations API: store search near a ZIP code or a point, and one store by id. */
public final class KrogerStoreDirectory implements StoreDirectory {
    static final String LOCATIONS_PATH = "/v1/locations";

    private final ProviderHttp http;

    KrogerStoreDirectory(ProviderHttp http) {
        this.http = Objects.requireNonNull(http);
    }

    /**
     * {@code GET /v1/locations?filter.zipCode.near|filter.latLong.near&filter.radiusInMiles&filter.limit[&filter.chain]}.
     * Kroger does not page stores: the limit and the radius are the only knobs.
     */
    @Override
    public List<Store> search(StoreQuery query, AccessToken appToken) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(appToken, "appToken");
        ProviderRequest request = ProviderRequest.get(LOCATIONS_PATH, "store search").bearer(appToken);
        query.zipCode().ifPresent(zip -> request.query("filter.zipCode.near", zip));
        query.near().ifPresent(point -> request.query("filter.latLong.near", latLong(point)));
        request.query("filter.radiusInMiles", Integer.toString(query.radiusInMiles()));
        request.query("filter.limit", Integer.toString(query.limit()));
        query.chain().ifPresent(chain -> request.query("filter.chain", chain));

        JsonNode root = http.jsonObject(request, http.call(request));
        JsonNode data = root.get("data");
        if (data != null && !data.isNull() && !data.isArray() && !data.isObject()) {
            throw http.badResponse(request, "had data that is not a list of stores");
        }
        List<Store> stores = new ArrayList<>();
        for (JsonNode location : list(root, "data")) {
            KrogerStoreMapper.toStore(location).ifPresent(stores::add);
        }
        return List.copyOf(stores);
    }

    /** {@code GET /v1/locations/{locationId}}; empty when Kroger does not know the store. */
    @Override
    public Optional<Store> find(StoreLocationId locationId, AccessToken appToken) {
        Objects.requireNonNull(locationId, "locationId");
        Objects.requireNonNull(appToken, "appToken");
        ProviderRequest request = ProviderRequest.get(LOCATIONS_PATH + "/" + UriEncoding.encode(locationId.value()),
                "store lookup").bearer(appToken);
        Optional<ProviderAnswer> answer = http.lookup(request);
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        JsonNode root = http.jsonObject(request, answer.get());
        Optional<JsonNode> location = list(root, "data").stream().findFirst();
        if (location.isEmpty()) {
            throw http.badResponse(request, "had no store");
        }
        return KrogerStoreMapper.toStore(location.get());
    }

    /** {@code "39.306346,-84.278902"}: plain decimals, never exponent notation. */
    static String latLong(GeoPoint point) {
        return BigDecimal.valueOf(point.latitude()).toPlainString() + ","
                + BigDecimal.valueOf(point.longitude()).toPlainString();
    }
}
