package org.personalshopper.sandbox.foodin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * JSON answers: the standard OAuth 2 error object ({@code {"error","error_description"}}, RFC 6749 section 5.2),
 * with {@code state} added on the authorize endpoint as Foodin does, and the token answers. Never cached.
 */
final class OAuthErrors {

    private final ObjectMapper mapper;

    OAuthErrors(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode object() {
        return mapper.createObjectNode();
    }

    Response json(int status, ObjectNode body) {
        try {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                    .header("Cache-Control", "no-store").header("Pragma", "no-cache")
                    .entity(mapper.writeValueAsString(body)).build();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A token-endpoint error. */
    WebApplicationException error(int status, String error, String description) {
        return new WebApplicationException(json(status, object().put("error", error).put("error_description", description)));
    }

    /** An authorize error, answered to the browser (never redirected), with the state when there was one. */
    WebApplicationException authorizeError(String error, String description, Optional<String> state) {
        ObjectNode body = object().put("error", error).put("error_description", description);
        state.ifPresent(s -> body.put("state", s));
        return new WebApplicationException(json(400, body));
    }
}
