package org.personalshopper.adapters.web.resource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.glassfish.jersey.server.ManagedAsync;
import org.personalshopper.adapters.web.session.SessionRequired;
import org.personalshopper.application.port.in.FindStores;
import org.personalshopper.domain.StoreQuery;
import org.personalshopper.domain.GeoPoint;
import org.personalshopper.domain.Store;

/** The grocer's stores near a ZIP code or a point. */
@Path("/api/locations")
@SessionRequired
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public class LocationResource {
    private final FindStores stores;

    @Inject
    public LocationResource(FindStores stores) {
        this.stores = stores;
    }

    public record AddressJson(String line1, String line2, String city, String state, String zipCode) {
    }

    public record PointJson(double latitude, double longitude) {
    }

    public record StoreJson(String locationId, String chain, String name, AddressJson address, PointJson geolocation,
                            String phone) {
        static StoreJson of(Store s) {
            var a = s.address();
            return new StoreJson(s.locationId().value(), s.chain(), s.name(),
                    new AddressJson(a.line1(), a.line2().orElse(null), a.city(), a.state(), a.zipCode()),
                    s.geolocation().map(g -> new PointJson(g.latitude(), g.longitude())).orElse(null),
                    s.phone().orElse(null));
        }
    }

    @ManagedAsync // may call a provider: runs on the provider threads (ADR 10)
    @GET
    public Items<StoreJson> find(@QueryParam("zipCode") String zipCode, @QueryParam("latLong") String latLong,
                                 @QueryParam("radiusInMiles") String radiusInMiles, @QueryParam("limit") String limit,
                                 @QueryParam("chain") String chain) {
        Fields fields = new Fields();
        Optional<GeoPoint> near = Fields.given(latLong).map(l -> fields.check("latLong", () -> GeoPoint.parse(l)));
        int radius = fields.integer("radiusInMiles", radiusInMiles, StoreQuery.DEFAULT_RADIUS);
        int size = fields.integer("limit", limit, StoreQuery.DEFAULT_LIMIT);
        fields.throwIfInvalid(); // a bad latLong must not read as "give zipCode or latLong" below
        StoreQuery query = fields.checkAll(() -> new StoreQuery(Optional.ofNullable(zipCode), near, radius, size,
                Optional.ofNullable(chain)));
        fields.throwIfInvalid();
        return new Items<>(stores.find(query).stream().map(StoreJson::of).toList());
    }
}
