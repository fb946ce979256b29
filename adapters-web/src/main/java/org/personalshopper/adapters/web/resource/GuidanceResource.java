package org.personalshopper.adapters.web.resource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Instant;
import org.personalshopper.adapters.web.session.SessionRequired;
import org.personalshopper.adapters.web.session.ShopperPrincipal;
import org.personalshopper.application.port.in.ManageGuidance;
import org.personalshopper.domain.Guidance;
import org.personalshopper.domain.GuidanceId;
import org.personalshopper.domain.GuidanceText;

/** The shopper's standing shopping preferences. */
@Path("/api/guidance")
@SessionRequired
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public class GuidanceResource {
    private final ManageGuidance guidance;

    @Inject
    public GuidanceResource(ManageGuidance guidance) {
        this.guidance = guidance;
    }

    public record GuidanceJson(String id, String text, Instant createdAt) {
        static GuidanceJson of(Guidance g) {
            return new GuidanceJson(g.id().toString(), g.text().value(), g.createdAt());
        }
    }

    public record GuidanceBody(String text) {
    }

    /** Oldest first. */
    @GET
    public Items<GuidanceJson> list(@Context SecurityContext security) {
        return new Items<>(guidance.list(ShopperPrincipal.of(security)).stream().map(GuidanceJson::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@Context SecurityContext security, GuidanceBody body) {
        Fields fields = new Fields();
        String raw = Fields.body(body).text();
        GuidanceText text = fields.required("text", raw, () -> new GuidanceText(raw));
        fields.throwIfInvalid();
        Guidance added = guidance.add(ShopperPrincipal.of(security), text);
        return Response.created(URI.create("/api/guidance/" + added.id())).entity(GuidanceJson.of(added)).build();
    }

    /** Someone else's id, an unknown one or one that is not an id at all: 404 alike. */
    @DELETE
    @Path("{id}")
    public Response remove(@Context SecurityContext security, @PathParam("id") String id) {
        guidance.remove(ShopperPrincipal.of(security), Fields.pathId("guidance", () -> GuidanceId.parse("id", id)));
        return Response.noContent().build();
    }
}
