package org.personalshopper.sandbox.kroger;

import jakarta.inject.Inject;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.personalshopper.sandbox.kroger.SandboxCarts.CartLine;
import org.personalshopper.sandbox.kroger.SandboxCatalog.CatalogProduct;
import org.personalshopper.sandbox.support.HtmlTemplates;

/**
 * What the sandbox offers beyond Kroger's API, for demos and tests: a home page, reading a shopper's cart back,
 * product images, quota usage, and arming faults. None of these paths exist at Kroger.
 */
@Path("/")
public final class SandboxOnlyResource {

    private final SandboxSettings settings;
    private final KrogerResponses responses;
    private final HtmlPages pages;
    private final SandboxCatalog catalog;
    private final SandboxStores stores;
    private final SandboxCarts carts;
    private final DailyQuotas quotas;
    private final SandboxFaults faults;

    @Inject
    SandboxOnlyResource(SandboxContext context) {
        this.settings = context.settings();
        this.responses = context.responses();
        this.pages = context.pages();
        this.catalog = context.catalog();
        this.stores = context.stores();
        this.carts = context.carts();
        this.quotas = context.quotas();
        this.faults = context.faults();
    }

    @GET
    public Response home(@Context UriInfo uri) {
        return pages.homePage(ProductsResource.baseUri(uri), settings.clientId(), stores.size(), catalog.size());
    }

    @GET
    @Path("sandbox/carts")
    public Response cartOfUsername(@QueryParam("username") String username) {
        String normalized = ShopperProfiles.normalizeUsername(username)
                .orElseThrow(() -> responses.apiError(400, "SANDBOX-400", "Query parameter 'username' is required"));
        return cartJson(ShopperProfiles.profileIdOf(normalized));
    }

    @GET
    @Path("sandbox/carts/{profileId}")
    public Response cartOfProfile(@PathParam("profileId") String profileId) {
        return cartJson(profileId(profileId));
    }

    @DELETE
    @Path("sandbox/carts/{profileId}")
    public Response emptyCart(@PathParam("profileId") String profileId) {
        carts.empty(profileId(profileId));
        return Response.noContent().build();
    }

    @GET
    @Path("sandbox/images/{size}/{file}")
    public Response image(@PathParam("size") String size, @PathParam("file") String file) {
        int pixels = switch (size) {
            case "thumbnail" -> 100;
            case "small" -> 200;
            case "medium" -> 300;
            case "large" -> 500;
            case "xlarge" -> 1000;
            default -> 0;
        };
        Optional<CatalogProduct> product = file.endsWith(".svg")
                ? catalog.byId(file.substring(0, file.length() - 4)) : Optional.empty();
        if (pixels == 0 || product.isEmpty()) {
            return Response.status(404).build();
        }
        String label = HtmlTemplates.escape(product.get().description());
        String hue = Integer.toString(Math.floorMod(product.get().productId().hashCode(), 360));
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + pixels + "\" height=\"" + pixels
                + "\" viewBox=\"0 0 100 100\" role=\"img\" aria-label=\"" + label + "\">"
                + "<title>" + label + "</title>"
                + "<rect width=\"100\" height=\"100\" fill=\"hsl(" + hue + ",55%,85%)\"/>"
                + "<text x=\"50\" y=\"54\" font-family=\"sans-serif\" font-size=\"9\" text-anchor=\"middle\">"
                + HtmlTemplates.escape(product.get().brand()) + "</text></svg>";
        return Response.ok(svg, "image/svg+xml").header("Cache-Control", "max-age=86400").build();
    }

    @GET
    @Path("sandbox/usage")
    public Response usage() {
        ObjectNode body = responses.object();
        for (KrogerApi api : KrogerApi.values()) {
            DailyQuotas.Usage usage = quotas.usage(api);
            ObjectNode node = body.putObject(api.usageName());
            node.put("calls", usage.calls());
            node.put("dailyQuota", usage.quota());
            usage.windowEndsAt().ifPresentOrElse(end -> node.put("windowEndsAt", end.toString()),
                    () -> node.putNull("windowEndsAt"));
        }
        return responses.json(200, body);
    }

    @GET
    @Path("sandbox/faults")
    public Response armedFaults() {
        ArrayNode list = responses.mapper().createArrayNode();
        for (SandboxFaults.Fault fault : faults.armed()) {
            ObjectNode node = list.addObject();
            node.put("pathPrefix", fault.pathPrefix());
            node.put("times", fault.remainingCalls());
            if (fault.status().isPresent()) {
                node.put("status", fault.status().getAsInt());
            }
            node.put("delayMillis", fault.delay().toMillis());
        }
        ObjectNode body = responses.object();
        body.set("faults", list);
        return responses.json(200, body);
    }

    /** Arms a fault: {@code {"pathPrefix":"/v1/products","times":2,"status":503,"delayMillis":0}}. */
    @POST
    @Path("sandbox/faults")
    public Response armFault(String body) {
        try {
            JsonNode json = responses.mapper().readTree(body == null ? "" : body);
            if (json == null || !json.isObject()) {
                throw new IllegalArgumentException("expected a JSON object");
            }
            OptionalInt status = json.hasNonNull("status") ? OptionalInt.of(json.get("status").asInt()) : OptionalInt.empty();
            faults.arm(new SandboxFaults.Fault(json.path("pathPrefix").asText(""), json.path("times").asInt(1), status,
                    Duration.ofMillis(json.path("delayMillis").asLong(0))));
            return Response.noContent().build();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String reason = e instanceof JsonProcessingException ? "Body is not JSON" : e.getMessage();
            return responses.apiErrorResponse(400, "SANDBOX-400", reason);
        }
    }

    @DELETE
    @Path("sandbox/faults")
    public Response clearFaults() {
        faults.clear();
        return Response.noContent().build();
    }

    private UUID profileId(String profileId) {
        try {
            return UUID.fromString(profileId);
        } catch (IllegalArgumentException e) {
            throw responses.apiError(400, "SANDBOX-400", "profileId must be a UUID");
        }
    }

    private Response cartJson(UUID profileId) {
        ObjectNode body = responses.object();
        body.put("profileId", profileId.toString());
        ArrayNode items = body.putArray("items");
        for (CartLine line : carts.linesOf(profileId)) {
            ObjectNode item = items.addObject();
            item.put("upc", line.upc());
            item.put("quantity", line.quantity());
            item.put("modality", line.modality());
            catalog.byId(line.upc()).ifPresent(p -> item.put("description", p.description()).put("brand", p.brand()));
        }
        return responses.json(200, body);
    }
}
