package org.personalshopper.sandbox.kroger;

import java.util.Locale;
import java.util.UUID;
import org.personalshopper.sandbox.kroger.IssuedGrants.AccessGrant;

/** The bearer check every data API does first: 401 without a live token, 403 without the needed scope or kind. */
final class AccessGate {

    private final IssuedGrants grants;
    private final KrogerResponses responses;

    AccessGate(IssuedGrants grants, KrogerResponses responses) {
        this.grants = grants;
        this.responses = responses;
    }

    /** Any live token, app or shopper (Locations). */
    AccessGrant anyToken(String authorizationHeader) {
        String token = bearerToken(authorizationHeader);
        return grants.accessGrant(token).orElseThrow(responses::invalidAccessToken);
    }

    /** A live token of either kind that carries the scope (Products: product.compact). */
    AccessGrant tokenWithScope(String authorizationHeader, String scope) {
        AccessGrant grant = anyToken(authorizationHeader);
        if (!grant.scopes().contains(scope)) {
            throw responses.missingScopes();
        }
        return grant;
    }

    /** A shopper's token carrying the scope (Identity, Cart); an app token is refused with 403. */
    UUID shopperWithScope(String authorizationHeader, String scope) {
        AccessGrant grant = tokenWithScope(authorizationHeader, scope);
        return grant.profileId().orElseThrow(responses::missingScopes);
    }

    private String bearerToken(String header) {
        if (header == null) {
            throw responses.missingAccessToken();
        }
        String trimmed = header.strip();
        int space = trimmed.indexOf(' ');
        if (space < 0 || !trimmed.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
            throw responses.missingAccessToken();
        }
        String token = trimmed.substring(space + 1).strip();
        if (token.isEmpty()) {
            throw responses.missingAccessToken();
        }
        return token;
    }
}
