package org.personalshopper.adapters.web.resource;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.personalshopper.adapters.web.problem.ProviderProblems;
import org.personalshopper.adapters.web.session.SessionRequired;
import org.personalshopper.adapters.web.session.ShopperPrincipal;
import org.personalshopper.application.port.in.ChoosePreferredStore;
import org.personalshopper.application.port.in.ViewShopper;
import org.personalshopper.application.port.in.ProviderFailedException;
import org.personalshopper.domain.StoreLocationId;

/** The signed-in shopper and their preferred store. */
@Path("/api/user")
@SessionRequired
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {
    private final ViewShopper viewShopper;
    private final ChoosePreferredStore choosePreferredStore;

    @Inject
    public UserResource(ViewShopper viewShopper, ChoosePreferredStore choosePreferredStore) {
        this.viewShopper = viewShopper;
        this.choosePreferredStore = choosePreferredStore;
    }

    @GET
    public ShopperJson shopper(@Context SecurityContext security) {
        return ShopperJson.of(viewShopper.view(ShopperPrincipal.of(security)));
    }

    public record LocationBody(String locationId) {
    }

    /** Checked with the grocer first; if the grocer cannot be asked, the preference stays as it was (503). */
    @PUT
    @Path("location")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response choose(@Context SecurityContext security, LocationBody body) {
        Fields fields = new Fields();
        String raw = Fields.body(body).locationId();
        StoreLocationId location = fields.required("locationId", raw, () -> new StoreLocationId(raw));
        fields.throwIfInvalid();
        try {
            return Response.ok(ShopperJson.of(choosePreferredStore.choose(ShopperPrincipal.of(security), location))).build();
        } catch (ProviderFailedException e) {
            return ProviderProblems.unavailable(e.retryAfter()).response();
        }
    }
}
