package org.personalshopper.sandbox.kroger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * Kroger's response shapes: the {@code {"data":..,"meta":..}} envelope, the OAuth-layer error
 * ({@code {"error","error_description"}}) and the API-layer error, wrapped ({@code {"errors":{timestamp,code,reason}}})
 * or flat ({@code {timestamp,code,reason}}), each where Kroger uses it.
 */
final class KrogerResponses {

    static final String INVALID_PARAMETERS_CODE = "API-4101-400";

    private final ObjectMapper mapper;
    private final Clock clock;

    KrogerResponses(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    ObjectNode object() {
        return mapper.createObjectNode();
    }

    String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    Response json(int status, JsonNode body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(write(body)).build();
    }

    /** 200 with {@code {"data": data, "meta": meta}}. */
    Response data(JsonNode data, ObjectNode meta) {
        ObjectNode body = object();
        body.set("data", data);
        body.set("meta", meta);
        return json(200, body);
    }

    /** OAuth-layer error as Kroger's token and authorize endpoints send it. */
    WebApplicationException oauthError(int status, String error, String description) {
        ObjectNode body = object().put("error", error).put("error_description", description);
        return new WebApplicationException(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store").entity(write(body)).build());
    }

    WebApplicationException missingAccessToken() {
        return oauthError(401, "invalid_request", "The access_token is missing");
    }

    WebApplicationException invalidAccessToken() {
        return oauthError(401, "invalid_token", "The access token is invalid or has expired");
    }

    Response apiErrorResponse(int status, String code, String reason) {
        ObjectNode errors = object().put("timestamp", clock.millis()).put("code", code).put("reason", reason);
        ObjectNode body = object();
        body.set("errors", errors);
        return json(status, body);
    }

    /** The API-layer error without the {@code errors} wrapper, as some Kroger endpoints answer it live. */
    WebApplicationException flatApiError(int status, String code, String reason) {
        ObjectNode body = object().put("timestamp", clock.millis()).put("code", code).put("reason", reason);
        return new WebApplicationException(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store").entity(write(body)).build());
    }

    WebApplicationException apiError(int status, String code, String reason) {
        return new WebApplicationException(apiErrorResponse(status, code, reason));
    }

    /** 400 with Kroger's validation code and the given reason. */
    WebApplicationException invalidParameter(String reason) {
        return apiError(400, INVALID_PARAMETERS_CODE, reason);
    }

    WebApplicationException missingScopes() {
        return apiError(403, "Forbidden", "missing required scopes");
    }
}
