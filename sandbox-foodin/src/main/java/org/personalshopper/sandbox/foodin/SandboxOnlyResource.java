package org.personalshopper.sandbox.foodin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.personalshopper.sandbox.foodin.IssuedGrants.ActiveToken;

/**
 * What the sandbox offers beyond Foodin's API, for demos and tests: a home page and a token check. Neither path
 * exists at Foodin, whose reference documents only its OAuth endpoints.
 */
@Path("/")
public final class SandboxOnlyResource {

    private final SandboxContext context;

    @Inject
    SandboxOnlyResource(SandboxContext context) {
        this.context = context;
    }

    @GET
    public Response home(@Context UriInfo uri) {
        String base = uri.getBaseUri().toString();
        String baseUri = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return context.pages().homePage(baseUri, context.settings(), context.grants().connectionCount());
    }

    /**
     * Whether an access token is still valid, in the shape of RFC 7662 introspection:
     * {@code {"active":true,"foodin_user_id","scope","livemode","expires_at"?}} or {@code {"active":false}}.
     * Sandbox only: it lets tests see what a refresh or a replayed code revoked.
     */
    @POST
    @Path("sandbox/introspect")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response introspect(@FormParam("token") String token) {
        Optional<ActiveToken> active = context.grants().active(token);
        ObjectNode body = context.errors().object().put("active", active.isPresent());
        active.ifPresent(grant -> {
            body.put("foodin_user_id", grant.userId());
            body.put("scope", grant.scope().wireName());
            body.put("livemode", grant.mode().isLive());
            grant.expiresAt().ifPresent(end -> body.put("expires_at", end.toString()));
        });
        return context.errors().json(200, body);
    }
}
