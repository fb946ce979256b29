package org.personalshopper.sandbox.kroger;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An authorize request the sandbox has checked: known client, registered redirect URI, {@code response_type=code},
 * registered scopes, a known banner and, when given, a well-formed S256 PKCE challenge. Checked twice: when the
 * consent page is shown and again when the browser posts the shopper's decision back.
 */
record CheckedAuthorizeRequest(
        String clientId,
        String redirectUri,
        List<String> scopes,
        Optional<String> state,
        String banner,
        Optional<String> codeChallenge) {

    private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
    static final String REDIRECT_MISMATCH =
            "The redirect_uri did not match the registered redirect_uri for this application";

    /**
     * @param rawScope the scope parameter as it came over the wire (still percent-encoded), or null
     */
    static CheckedAuthorizeRequest check(MultivaluedMap<String, String> params, String rawScope,
            SandboxSettings settings, KrogerResponses responses) {
        String clientId = params.getFirst("client_id");
        if (clientId == null || !clientId.equals(settings.clientId())) {
            throw responses.oauthError(400, "invalid_request", "invalid client_id");
        }
        String redirectUri = params.getFirst("redirect_uri");
        // Exact, character-for-character match, as Kroger does.
        if (redirectUri == null || !settings.redirectUris().contains(redirectUri)) {
            throw responses.oauthError(400, "invalid_request", REDIRECT_MISMATCH);
        }
        if (!"code".equals(params.getFirst("response_type"))) {
            throw responses.oauthError(400, "unsupported_response_type", "invalid response_type");
        }
        // A community client saw Kroger refuse '+' for the space between scopes; '%20' works.
        if (rawScope != null && rawScope.contains("+")) {
            throw responses.oauthError(400, "invalid_scope", "invalid scope");
        }
        Set<String> scopes = Scopes.parse(params.getFirst("scope"));
        if (!Scopes.allRegistered(scopes)) {
            throw responses.oauthError(400, "invalid_scope", "invalid scope");
        }
        String banner = Optional.ofNullable(params.getFirst("banner")).filter(b -> !b.isEmpty())
                .orElse(Banners.DEFAULT);
        if (Banners.displayName(banner).isEmpty()) {
            throw responses.oauthError(400, "invalid_request", "invalid banner");
        }
        Optional<String> challenge = Optional.ofNullable(params.getFirst("code_challenge")).filter(c -> !c.isEmpty());
        String method = params.getFirst("code_challenge_method");
        if (method != null && !method.isEmpty()) {
            if (!"S256".equals(method)) {
                throw responses.oauthError(400, "invalid_request", "code_challenge_method must be S256");
            }
            if (challenge.isEmpty()) {
                throw responses.oauthError(400, "invalid_request", "code_challenge is missing");
            }
        }
        if (challenge.isPresent() && !S256_CHALLENGE.matcher(challenge.get()).matches()) {
            throw responses.oauthError(400, "invalid_request", "invalid code_challenge");
        }
        Optional<String> state = Optional.ofNullable(params.getFirst("state")).filter(s -> !s.isEmpty());
        return new CheckedAuthorizeRequest(clientId, redirectUri, List.copyOf(scopes), state, banner, challenge);
    }

    @Override
    public String toString() {
        // state is the client's CSRF secret: never print it.
        return "CheckedAuthorizeRequest[clientId=" + clientId + ", redirectUri=" + redirectUri + ", scopes=" + scopes
                + ", banner=" + banner + ", pkce=" + codeChallenge.isPresent() + "]";
    }
}
