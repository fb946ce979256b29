package org.personalshopper.adapters.web.resource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.glassfish.jersey.server.ManagedAsync;
import org.personalshopper.adapters.web.problem.ProviderProblems;
import org.personalshopper.adapters.web.session.SessionRequired;
import org.personalshopper.adapters.web.session.ShopperPrincipal;
import org.personalshopper.adapters.web.session.SessionCookies;
import org.personalshopper.application.port.in.ChoosePreferredStore;
import org.personalshopper.application.port.in.ManageConnections;
import org.personalshopper.domain.Provider;
import org.personalshopper.application.port.in.ViewShopper;
import org.personalshopper.application.port.in.ProviderFailedException;
import org.personalshopper.domain.StoreLocationId;

/** The signed-in shopper and their preferred store. */
@Path("/api/user")
@SessionRequired
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public class UserResource {
    private final ViewShopper viewShopper;
    private final ChoosePreferredStore choosePreferredStore;
    private final ManageConnections manageConnections;
    private final SessionCookies cookies;

    @Inject
    public UserResource(ViewShopper viewShopper, ChoosePreferredStore choosePreferredStore,
                        ManageConnections manageConnections, SessionCookies cookies) {
        this.viewShopper = viewShopper;
        this.choosePreferredStore = choosePreferredStore;
        this.manageConnections = manageConnections;
        this.cookies = cookies;
    }

    /** Deletes the shopper and everything stored for them; the session ends with them, the cookie is cleared. */
    @DELETE
    public Response deleteAccount(@Context SecurityContext security) {
        manageConnections.deleteAccount(ShopperPrincipal.of(security));
        return Response.noContent().header("Set-Cookie", cookies.clearSession()).build();
    }

    /** Takes a provider account off the shopper: 404 when not connected, 409 for their last connection. */
    @DELETE
    @Path("connections/{provider}")
    public Response disconnect(@Context SecurityContext security, @PathParam("provider") String provider) {
        Provider named = Fields.pathId("connection", () -> new Provider(provider));
        manageConnections.disconnect(ShopperPrincipal.of(security), named);
        return Response.noContent().build();
    }

    @GET
    public ShopperJson shopper(@Context SecurityContext security) {
        return ShopperJson.of(viewShopper.view(ShopperPrincipal.of(security)));
    }

    public record LocationBody(String locationId) {
    }

    /** Checked with the grocer first; if the grocer cannot be asked, the preference stays as it was (503). */
    @ManagedAsync // may call a provider: runs on the provider threads (ADR 10)
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
