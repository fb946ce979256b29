package org.personalshopper.sandbox.kroger;

import jakarta.inject.Inject;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.personalshopper.sandbox.kroger.SandboxStores.Store;

/** Kroger Locations: store search by ZIP or coordinates within a radius, store details and existence check. */
@Path("v1/locations")
public final class LocationsResource {

    private static final Pattern ZIP = Pattern.compile("\\d{5}");
    private static final String NOT_ON_EARTH = "Field 'filter.latLong.near' improper coordinate location, must be on Earth";
    private static final String LOCATION_ID_LENGTH = "Field 'locationId' must have a length of 8 characters";

    private final AccessGate gate;
    private final KrogerResponses responses;
    private final SandboxStores stores;

    @Inject
    LocationsResource(SandboxContext context) {
        this.gate = context.gate();
        this.responses = context.responses();
        this.stores = context.stores();
    }

    @GET
    public Response search(@HeaderParam("Authorization") String authorization,
            @QueryParam("filter.zipCode.near") String zipCode,
            @QueryParam("filter.latLong.near") String latLong,
            @QueryParam("filter.lat.near") String lat,
            @QueryParam("filter.lon.near") String lon,
            @QueryParam("filter.radiusInMiles") String radius,
            @QueryParam("filter.limit") String limit,
            @QueryParam("filter.chain") String chain,
            @QueryParam("filter.department") String departments,
            @QueryParam("filter.locationId") String locationIds) {
        gate.anyToken(authorization);
        int radiusInMiles = QueryParams.intInRange(radius, 10, 1, 100, responses,
                "Field 'filter.radiusInMiles' outside of distance limits, distance range is 1 - 100 miles.");
        int maxStores = QueryParams.intInRange(limit, 10, 1, 200, responses,
                "Field 'limit' must be a number between 1 and 200 (inclusive)");
        Optional<double[]> near;
        boolean unknownZip = false;
        if (zipCode != null && !zipCode.isEmpty()) {
            if (!ZIP.matcher(zipCode).matches()) {
                throw responses.invalidParameter("Field 'filter.zipCode.near' must 5 digits");
            }
            near = stores.zipCode(zipCode);
            unknownZip = near.isEmpty();
        } else if (latLong != null && !latLong.isEmpty()) {
            String[] parts = latLong.split(",", -1);
            if (parts.length != 2) {
                throw responses.invalidParameter(NOT_ON_EARTH);
            }
            near = Optional.of(coordinates(parts[0], parts[1]));
        } else if ((lat != null && !lat.isEmpty()) || (lon != null && !lon.isEmpty())) {
            near = Optional.of(coordinates(lat, lon));
        } else {
            near = Optional.empty();
        }
        List<String> departmentIds = commaList(departments, 2, "Field 'department' must have a length of 2 characters");
        List<String> ids = commaList(locationIds, 8, LOCATION_ID_LENGTH);
        Optional<String> chainName = Optional.ofNullable(chain).filter(c -> !c.isBlank());

        // A ZIP code the sandbox cannot place has no stores near it.
        List<Store> found = unknownZip ? List.of()
                : stores.search(new SandboxStores.Search(near, radiusInMiles, maxStores, chainName, departmentIds, ids));
        ArrayNode data = responses.mapper().createArrayNode();
        found.forEach(store -> data.add(store.json().deepCopy()));
        ObjectNode meta = responses.object();
        meta.putObject("pagination").put("start", 0).put("limit", maxStores).put("total", found.size());
        return responses.data(data, meta);
    }

    @GET
    @Path("{locationId}")
    public Response details(@HeaderParam("Authorization") String authorization, @PathParam("locationId") String locationId) {
        gate.anyToken(authorization);
        if (locationId.length() != 8) {
            throw responses.invalidParameter(LOCATION_ID_LENGTH);
        }
        Store store = stores.byId(locationId)
                .orElseThrow(() -> responses.apiError(404, "LOCATION-4040-404", "Location not found"));
        return responses.data(store.json().deepCopy(), responses.object());
    }

    /** Kroger's cheap existence check: 204 when the store exists, 404 when not, no body either way. */
    @HEAD
    @Path("{locationId}")
    public Response exists(@HeaderParam("Authorization") String authorization, @PathParam("locationId") String locationId) {
        gate.anyToken(authorization);
        if (locationId.length() != 8) {
            return Response.status(400).build();
        }
        return Response.status(stores.byId(locationId).isPresent() ? 204 : 404).build();
    }

    private double[] coordinates(String latitude, String longitude) {
        if (latitude == null || longitude == null) {
            throw responses.invalidParameter(NOT_ON_EARTH);
        }
        try {
            double lat = Double.parseDouble(latitude.strip());
            double lon = Double.parseDouble(longitude.strip());
            if (Double.isNaN(lat) || Double.isNaN(lon) || lat < -90 || lat > 90 || lon < -180 || lon > 180) {
                throw responses.invalidParameter(NOT_ON_EARTH);
            }
            return new double[] {lat, lon};
        } catch (NumberFormatException e) {
            throw responses.invalidParameter(NOT_ON_EARTH);
        }
    }

    private List<String> commaList(String value, int length, String reason) {
        List<String> values = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return values;
        }
        for (String part : value.split(",")) {
            String trimmed = part.strip();
            if (trimmed.length() != length) {
                throw responses.invalidParameter(reason);
            }
            values.add(trimmed);
        }
        return values;
    }
}
