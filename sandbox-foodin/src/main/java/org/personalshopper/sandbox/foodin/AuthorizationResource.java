package org.personalshopper.sandbox.foodin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import java.util.List;
import java.util.Optional;
import org.personalshopper.sandbox.foodin.IssuedGrants.IssuedTokens;
import org.personalshopper.sandbox.foodin.IssuedGrants.Outcome;

/**
 * Foodin Connect's OAuth endpoints: the authorize page (a consent page where the user types any e-mail address),
 * the decision the page posts back, and the token endpoint with its two grants.
 */
@Path("/")
public final class AuthorizationResource {

    static final String DENIED_DESCRIPTION = "The user denied your request";

    private final FoodinSandboxSettings settings;
    private final IssuedGrants grants;
    private final OAuthErrors errors;
    private final HtmlPages pages;
    private final SandboxContext context;

    @Inject
    AuthorizationResource(SandboxContext context) {
        this.context = context;
        this.settings = context.settings();
        this.grants = context.grants();
        this.errors = context.errors();
        this.pages = context.pages();
    }

    @GET
    @Path("oauth/authorize")
    public Response authorize(@Context UriInfo uri) {
        AuthorizeRequest request = AuthorizeRequest.check(uri.getQueryParameters(), settings, errors, settings.clock());
        return pages.consentPage(200, request, request.prefill().email().orElse(""), Optional.empty());
    }

    /** Where the consent page's form posts the user's decision; not a Foodin path. */
    @POST
    @Path("sandbox/consent")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(MultivaluedMap<String, String> form) {
        // The form comes back from the browser: check it as if it were a new authorize request.
        AuthorizeRequest request = AuthorizeRequest.check(form, settings, errors, settings.clock());
        String decision = form.getFirst("decision");
        String typedEmail = Optional.ofNullable(form.getFirst("email")).orElse("");
        if ("deny".equals(decision)) {
            List<String[]> params = new ArrayList<>();
            params.add(new String[] {"error", "access_denied"});
            params.add(new String[] {"error_description", DENIED_DESCRIPTION});
            request.state().ifPresent(state -> params.add(new String[] {"state", state}));
            return redirect(request.redirectUri(), params);
        }
        if (!"approve".equals(decision)) {
            return pages.consentPage(400, request, typedEmail, Optional.of("Choose Connect or Deny."));
        }
        Optional<String> email = FoodinUsers.normalizeEmail(typedEmail);
        if (email.isEmpty()) {
            return pages.consentPage(400, request, typedEmail, Optional.of("Enter an e-mail address, such as alice@example.com."));
        }
        String code = grants.issueCode(request, FoodinUsers.userIdOf(email.get()));
        List<String[]> params = new ArrayList<>();
        params.add(new String[] {"code", code});
        params.add(new String[] {"scope", request.scope().wireName()});
        request.state().ifPresent(state -> params.add(new String[] {"state", state}));
        return redirect(request.redirectUri(), params);
    }

    @POST
    @Path("oauth/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response token(MultivaluedMap<String, String> form) {
        context.tokenCalls().incrementAndGet();
        // The secret key is a form parameter; an Authorization header (HTTP Basic) carries nothing Foodin reads.
        Mode mode = modeOfSecret(form.getFirst("client_secret"));
        String grantType = form.getFirst("grant_type");
        Outcome outcome;
        if ("authorization_code".equals(grantType)) {
            outcome = grants.exchangeCode(required(form, "code"), mode);
        } else if ("refresh_token".equals(grantType)) {
            String scopeText = form.getFirst("scope");
            Optional<Scope> scope = scopeText == null || scopeText.isEmpty() ? Optional.empty()
                    : Optional.of(Scope.parse(scopeText).orElseThrow(() ->
                            errors.error(400, "invalid_scope", "Invalid scope: must be read_write or read_only")));
            outcome = grants.refresh(required(form, "refresh_token"), mode, scope);
        } else if (grantType == null || grantType.isEmpty()) {
            throw errors.error(400, "invalid_request", "Missing required parameter: grant_type");
        } else {
            throw errors.error(400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token");
        }
        if (outcome.refusal().isPresent()) {
            throw switch (outcome.refusal().get()) {
                case UNKNOWN_CODE -> errors.error(400, "invalid_grant", "Authorization code does not exist");
                case EXPIRED_CODE -> errors.error(400, "invalid_grant", "Authorization code has expired");
                case CODE_REUSED -> errors.error(400, "invalid_grant", "Authorization code has already been used; "
                        + "every token issued from it has been revoked");
                case MODE_MISMATCH -> errors.error(400, "invalid_grant", mode.isLive()
                        ? "Authorization code was issued in test mode but a live secret key was used"
                        : "Authorization code was issued in live mode but a test secret key was used");
                case UNKNOWN_REFRESH_TOKEN -> errors.error(400, "invalid_grant", "Refresh token does not exist or was revoked");
                case SCOPE_TOO_WIDE -> errors.error(400, "invalid_scope",
                        "The scope may only be equal to or narrower than the refresh token's");
            };
        }
        IssuedTokens tokens = outcome.tokens().orElseThrow();
        ObjectNode body = errors.object()
                .put("access_token", tokens.accessToken())
                .put("token_type", "bearer")
                .put("scope", tokens.scope().wireName())
                .put("livemode", tokens.mode().isLive())
                .put("foodin_user_id", tokens.userId());
        tokens.refreshToken().ifPresent(refresh -> body.put("refresh_token", refresh));
        tokens.expiresInSeconds().ifPresent(seconds -> body.put("expires_in", seconds));
        return errors.json(200, body);
    }

    /** The mode of the application's secret key; anything else is {@code invalid_client} (401). */
    private Mode modeOfSecret(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw errors.error(401, "invalid_client",
                    "No client_secret: send the secret key as the client_secret form parameter");
        }
        if (sameSecret(secret, settings.testSecretKey())) {
            return Mode.TEST;
        }
        if (sameSecret(secret, settings.liveSecretKey())) {
            return Mode.LIVE;
        }
        throw errors.error(401, "invalid_client", "Invalid client_secret");
    }

    private static boolean sameSecret(String given, String known) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), known.getBytes(StandardCharsets.UTF_8));
    }

    private String required(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        if (value == null || value.isEmpty()) {
            throw errors.error(400, "invalid_request", "Missing required parameter: " + name);
        }
        return value;
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
}
