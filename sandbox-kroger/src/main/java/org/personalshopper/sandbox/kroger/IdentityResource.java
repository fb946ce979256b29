package org.personalshopper.sandbox.kroger;

import jakarta.inject.Inject;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** Kroger Identity: the shopper's profile id, which is all the Public tier reveals. */
@Path("v1/identity/profile")
public final class IdentityResource {

    private final AccessGate gate;
    private final KrogerResponses responses;

    @Inject
    IdentityResource(SandboxContext context) {
        this.gate = context.gate();
        this.responses = context.responses();
    }

    @GET
    public Response profile(@HeaderParam("Authorization") String authorization) {
        UUID profileId = gate.shopperWithScope(authorization, Scopes.PROFILE_COMPACT);
        ObjectNode data = responses.object().put("id", profileId.toString());
        return responses.data(data, responses.object());
    }
}
