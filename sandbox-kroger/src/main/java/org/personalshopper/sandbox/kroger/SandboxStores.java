package org.personalshopper.sandbox.kroger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.personalshopper.sandbox.support.HtmlTemplates;

/** The sandbox's stores (loaded from {@code stores.json}) and Kroger's location search over them. */
final class SandboxStores {

    private static final String[] DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    private static final double EARTH_RADIUS_MILES = 3958.8;

    /** A store as the search needs it, plus the Kroger-shaped JSON the API answers with. */
    record Store(String locationId, String chain, double latitude, double longitude, Set<String> departmentIds,
            ObjectNode json) {
    }

    /** Search filters, already validated; a missing starting point means "no distance filter". */
    record Search(Optional<double[]> near, int radiusInMiles, int limit, Optional<String> chain,
            List<String> departmentIds, List<String> locationIds) {
    }

    private final Map<String, Store> stores = new LinkedHashMap<>();
    private final Map<String, double[]> zipCodes = new HashMap<>();

    SandboxStores(ObjectMapper mapper) {
        JsonNode root;
        try {
            root = mapper.readTree(HtmlTemplates.load(SandboxStores.class, "stores.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        root.get("zipCodes").fields().forEachRemaining(zip -> zipCodes.put(zip.getKey(),
                new double[] {zip.getValue().get(0).asDouble(), zip.getValue().get(1).asDouble()}));
        JsonNode departmentNames = root.get("departments");
        for (JsonNode node : root.get("stores")) {
            Store store = toStore(mapper, node, departmentNames);
            stores.put(store.locationId(), store);
        }
    }

    int size() {
        return stores.size();
    }

    Optional<Store> byId(String locationId) {
        return Optional.ofNullable(stores.get(locationId));
    }

    /** Coordinates of a ZIP code the sandbox knows; Kroger knows all, the sandbox a handful near its stores. */
    Optional<double[]> zipCode(String zip) {
        return Optional.ofNullable(zipCodes.get(zip));
    }

    /** Matching stores, nearest first when a starting point is given, at most {@code limit}. */
    List<Store> search(Search search) {
        List<Store> matches = new ArrayList<>();
        for (Store store : stores.values()) {
            if (!search.locationIds().isEmpty() && !search.locationIds().contains(store.locationId())) {
                continue;
            }
            if (search.chain().isPresent() && !store.chain().equalsIgnoreCase(search.chain().get().strip())) {
                continue;
            }
            if (!store.departmentIds().containsAll(search.departmentIds())) {
                continue;
            }
            if (search.near().isPresent() && distanceMiles(search.near().get(), store) > search.radiusInMiles()) {
                continue;
            }
            matches.add(store);
        }
        search.near().ifPresent(point -> matches.sort(Comparator.comparingDouble(store -> distanceMiles(point, store))));
        return matches.size() > search.limit() ? matches.subList(0, search.limit()) : matches;
    }

    /** Great-circle (haversine) distance. */
    static double distanceMiles(double[] from, Store to) {
        double lat1 = Math.toRadians(from[0]);
        double lat2 = Math.toRadians(to.latitude());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(to.longitude() - from[1]);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    private static Store toStore(ObjectMapper mapper, JsonNode node, JsonNode departmentNames) {
        String locationId = node.get("locationId").asText();
        String chain = node.get("chain").asText();
        double latitude = node.get("latitude").asDouble();
        double longitude = node.get("longitude").asDouble();
        boolean open24 = node.path("open24").asBoolean(false);

        ObjectNode json = mapper.createObjectNode();
        json.put("locationId", locationId);
        json.put("storeNumber", locationId.substring(3));
        json.put("divisionNumber", locationId.substring(0, 3));
        json.put("chain", chain);
        json.put("name", node.get("name").asText());
        json.put("phone", node.get("phone").asText());
        ObjectNode address = json.putObject("address");
        address.put("addressLine1", node.get("address").get("addressLine1").asText());
        address.put("addressLine2", "");
        address.put("city", node.get("address").get("city").asText());
        address.put("county", node.get("address").get("county").asText());
        address.put("state", node.get("address").get("state").asText());
        address.put("zipCode", node.get("address").get("zipCode").asText());
        ObjectNode geolocation = json.putObject("geolocation");
        geolocation.put("latitude", latitude);
        geolocation.put("longitude", longitude);
        geolocation.put("latLng", latitude + "," + longitude);
        ObjectNode hours = json.putObject("hours");
        hours.put("timezone", node.get("timezone").asText());
        hours.put("gmtOffset", node.get("gmtOffset").asText());
        hours.put("open24", open24);
        for (String day : DAYS) {
            ObjectNode dayHours = hours.putObject(day);
            dayHours.put("open", open24 ? "00:00" : node.get("open").asText());
            dayHours.put("close", open24 ? "23:59" : node.get("close").asText());
            dayHours.put("open24", open24);
        }
        ArrayNode departments = json.putArray("departments");
        List<String> departmentIds = new ArrayList<>();
        for (JsonNode id : node.get("departments")) {
            String departmentId = id.asText();
            departmentIds.add(departmentId);
            ObjectNode department = departments.addObject();
            department.put("departmentId", departmentId);
            department.put("name", departmentNames.get(departmentId).asText());
        }
        return new Store(locationId, chain.toUpperCase(Locale.ROOT), latitude, longitude, Set.copyOf(departmentIds), json);
    }
}
