package org.personalshopper.sandbox.kroger;

import jakarta.inject.Inject;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.personalshopper.sandbox.kroger.IssuedGrants.CodeExchange;
import org.personalshopper.sandbox.kroger.IssuedGrants.IssuedTokens;

/**
 * Kroger's OAuth2 authorization server: the authorize page (a consent page where the shopper types any username),
 * the decision the page posts back, and the token endpoint with its three grants.
 */
@Path("/")
public final class AuthorizationResource {

    private static final String DENIED_DESCRIPTION = "The resource owner denied the request";

    private final SandboxSettings settings;
    private final IssuedGrants grants;
    private final KrogerResponses responses;
    private final HtmlPages pages;

    @Inject
    AuthorizationResource(SandboxContext context) {
        this.settings = context.settings();
        this.grants = context.grants();
        this.responses = context.responses();
        this.pages = context.pages();
    }

    @GET
    @Path("v1/connect/oauth2/authorize")
    public Response authorize(@Context UriInfo uri) {
        CheckedAuthorizeRequest request = CheckedAuthorizeRequest.check(uri.getQueryParameters(),
                rawQueryParameter(uri.getRequestUri().getRawQuery(), "scope"), settings, responses);
        return pages.consentPage(200, request, "", Optional.empty());
    }

    /** Where the consent page's form posts the shopper's decision; not a Kroger path. */
    @POST
    @Path("sandbox/consent")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(MultivaluedMap<String, String> form) {
        // The form comes back from the browser: check it as if it were a new authorize request.
        CheckedAuthorizeRequest request = CheckedAuthorizeRequest.check(form, null, settings, responses);
        String decision = form.getFirst("decision");
        String typedName = Optional.ofNullable(form.getFirst("username")).orElse("");
        if ("deny".equals(decision)) {
            List<String[]> params = new ArrayList<>();
            params.add(new String[] {"error", "access_denied"});
            params.add(new String[] {"error_description", DENIED_DESCRIPTION});
            request.state().ifPresent(state -> params.add(new String[] {"state", state}));
            return redirect(request.redirectUri(), params);
        }
        if (!"approve".equals(decision)) {
            return pages.consentPage(400, request, typedName, Optional.of("Choose Approve or Deny."));
        }
        Optional<String> username = ShopperProfiles.normalizeUsername(typedName);
        if (username.isEmpty()) {
            return pages.consentPage(400, request, typedName,
                    Optional.of("Enter a username of 1 to " + ShopperProfiles.MAX_USERNAME_LENGTH + " characters."));
        }
        UUID profileId = ShopperProfiles.profileIdOf(username.get());
        String code = grants.issueCode(request, profileId);
        List<String[]> params = new ArrayList<>();
        params.add(new String[] {"code", code});
        request.state().ifPresent(state -> params.add(new String[] {"state", state}));
        return redirect(request.redirectUri(), params);
    }

    @POST
    @Path("v1/connect/oauth2/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response token(@HeaderParam("Authorization") String authorization, MultivaluedMap<String, String> form) {
        String clientId = authenticateClient(authorization);
        String grantType = form.getFirst("grant_type");
        IssuedTokens tokens;
        if ("authorization_code".equals(grantType)) {
            tokens = exchangeCode(clientId, form);
        } else if ("refresh_token".equals(grantType)) {
            tokens = grants.refresh(clientId, form.getFirst("refresh_token"))
                    .orElseThrow(() -> responses.oauthError(400, "invalid_request", "invalid refresh_token"));
        } else if ("client_credentials".equals(grantType)) {
            String scope = form.getFirst("scope");
            Set<String> scopes = Scopes.parse(scope == null ? Scopes.PRODUCT_COMPACT : scope);
            // Shopper scopes (cart, profile) cannot be had without a shopper.
            if (scopes.isEmpty() || !Set.of(Scopes.PRODUCT_COMPACT).containsAll(scopes)) {
                throw responses.oauthError(400, "invalid_scope", "invalid scope");
            }
            tokens = grants.issueAppToken(clientId, List.copyOf(scopes));
        } else {
            throw responses.oauthError(400, "unsupported_grant_type", "invalid grant_type");
        }
        ObjectNode body = responses.object()
                .put("access_token", tokens.accessToken())
                .put("token_type", "bearer")
                .put("expires_in", tokens.expiresInSeconds());
        tokens.refreshToken().ifPresent(refresh -> body.put("refresh_token", refresh));
        return Response.ok(responses.write(body), MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }

    private IssuedTokens exchangeCode(String clientId, MultivaluedMap<String, String> form) {
        CodeExchange exchange = grants.exchangeCode(clientId, form.getFirst("code"), form.getFirst("redirect_uri"),
                form.getFirst("code_verifier"));
        if (exchange.tokens().isPresent()) {
            return exchange.tokens().get();
        }
        throw switch (exchange.rejection().orElseThrow()) {
            case INVALID_CODE -> responses.oauthError(400, "invalid_request", "invalid code");
            case REDIRECT_MISMATCH -> responses.oauthError(400, "invalid_request", CheckedAuthorizeRequest.REDIRECT_MISMATCH);
            case INVALID_VERIFIER -> responses.oauthError(400, "invalid_request", "invalid code_verifier");
        };
    }

    /** HTTP Basic client authentication; returns the client id. Kroger answers bad credentials with 400. */
    private String authenticateClient(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw invalidCredentials();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalidCredentials();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw invalidCredentials();
        }
        String clientId = decoded.substring(0, colon);
        byte[] secret = decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
        boolean secretMatches = MessageDigest.isEqual(secret, settings.clientSecret().getBytes(StandardCharsets.UTF_8));
        if (!clientId.equals(settings.clientId()) || !secretMatches) {
            throw invalidCredentials();
        }
        return clientId;
    }

    /**
     * A wrong client id or secret. Kroger's spec shows OAuth's {@code {"error":"unauthorized"}}, but the live token
     * endpoint answers it from the layer in front of OAuth, in the flat API shape {@code {timestamp, code, reason}}
     * (the code is this sandbox's choice in Kroger's style).
     */
    private jakarta.ws.rs.WebApplicationException invalidCredentials() {
        return responses.flatApiError(400, "Auth-4011-400", "invalid client credentials");
    }

    private static Response redirect(String redirectUri, List<String[]> params) {
        StringBuilder location = new StringBuilder(redirectUri);
        char separator = redirectUri.contains("?") ? '&' : '?';
        for (String[] param : params) {
            location.append(separator).append(param[0]).append('=').append(encode(param[1]));
            separator = '&';
        }
        // 303: the browser follows with a GET, whatever method brought it here.
        return Response.seeOther(URI.create(location.toString())).header("Cache-Control", "no-store").build();
    }

    /** Query-component encoding with %20 for spaces (not '+'). */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String rawQueryParameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                return eq < 0 ? "" : pair.substring(eq + 1);
            }
        }
        return null;
    }
}
