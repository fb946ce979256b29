package org.personalshopper.sandbox.foodin;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An authorize request the sandbox has checked: a known client id (which sets the mode), {@code response_type=code},
 * a registered redirect URI (https in live mode; the default when absent), a known scope, and the optional state,
 * client roles and sign-up prefill. Checked twice: when the consent page is shown and again when the browser posts
 * the user's decision back.
 *
 * @param redirectUriGiven whether the request named its redirect URI (else the default is used and none is echoed)
 */
record AuthorizeRequest(
        String clientId,
        Mode mode,
        String redirectUri,
        boolean redirectUriGiven,
        Scope scope,
        Optional<String> state,
        List<String> clientRoles,
        SignUpPrefill prefill) {

    /** Foodin's reference marks scope optional without naming a default; the sandbox takes the narrower one. */
    static final Scope DEFAULT_SCOPE = Scope.READ_ONLY;
    private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    static AuthorizeRequest check(MultivaluedMap<String, String> params, FoodinSandboxSettings settings,
            OAuthErrors errors, Clock clock) {
        Optional<String> state = Optional.ofNullable(params.getFirst("state")).filter(s -> !s.isEmpty());
        String clientId = params.getFirst("client_id");
        if (clientId == null || clientId.isEmpty()) {
            throw errors.authorizeError("invalid_request", "Missing required parameter: client_id", state);
        }
        Mode mode;
        if (clientId.equals(settings.testClientId())) {
            mode = Mode.TEST;
        } else if (clientId.equals(settings.liveClientId())) {
            mode = Mode.LIVE;
        } else {
            throw errors.authorizeError("invalid_client", "No application matches the client_id " + clientId, state);
        }
        String responseType = params.getFirst("response_type");
        if (responseType == null || responseType.isEmpty()) {
            throw errors.authorizeError("invalid_request", "Missing required parameter: response_type", state);
        }
        if (!"code".equals(responseType)) {
            throw errors.authorizeError("unsupported_response_type", "response_type must be code", state);
        }
        String given = params.getFirst("redirect_uri");
        boolean redirectGiven = given != null && !given.isEmpty();
        String redirectUri = redirectGiven ? given : settings.defaultRedirectUri();
        if (!settings.redirectUris().contains(redirectUri)) {
            throw errors.authorizeError("invalid_request",
                    "The redirect_uri does not match any redirect URI configured for this application", state);
        }
        if (mode.isLive() && !redirectUri.regionMatches(true, 0, "https://", 0, 8)) {
            throw errors.authorizeError("invalid_request", "Live mode redirect URIs must use https", state);
        }
        String scopeText = params.getFirst("scope");
        Scope scope = scopeText == null || scopeText.isEmpty() ? DEFAULT_SCOPE : Scope.parse(scopeText)
                .orElseThrow(() -> errors.authorizeError("invalid_scope",
                        "Invalid scope: must be read_write or read_only", state));
        List<String> roles = new ArrayList<>();
        for (String name : List.of("client_roles[]", "client_roles")) {
            List<String> values = params.get(name);
            if (values != null) {
                values.stream().map(String::strip).filter(r -> ROLE.matcher(r).matches()).filter(r -> !roles.contains(r))
                        .forEach(roles::add);
            }
        }
        return new AuthorizeRequest(clientId, mode, redirectUri, redirectGiven, scope, state, List.copyOf(roles),
                SignUpPrefill.from(params::getFirst, clock));
    }

    @Override
    public String toString() {
        // state is the client's CSRF secret: never print it.
        return "AuthorizeRequest[clientId=" + clientId + ", mode=" + mode + ", redirectUri=" + redirectUri
                + ", scope=" + scope.wireName() + ", roles=" + clientRoles + "]";
    }
}
