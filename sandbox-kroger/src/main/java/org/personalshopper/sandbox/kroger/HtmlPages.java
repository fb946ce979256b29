package org.personalshopper.sandbox.kroger;

import static org.personalshopper.sandbox.support.HtmlTemplates.escape;
import static org.personalshopper.sandbox.support.HtmlTemplates.fill;
import static org.personalshopper.sandbox.support.HtmlTemplates.hiddenField;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.personalshopper.sandbox.support.HtmlTemplates;

/**
 * The sandbox's few HTML pages. Every page goes through the same frame, so every one carries the
 * "Kroger sandbox - not the real Kroger" banner. Values are escaped and templates filled as
 * {@link HtmlTemplates} does.
 */
final class HtmlPages {

    private final String frame = load("page.html");
    private final String consent = load("consent.html");
    private final String home = load("home.html");

    /** The consent page for a checked authorize request, optionally with an error to fix (e.g. a blank name). */
    Response consentPage(int status, CheckedAuthorizeRequest request, String username, Optional<String> error) {
        String bannerName = Banners.displayName(request.banner()).orElse("Kroger");
        StringBuilder scopes = new StringBuilder();
        for (String scope : request.scopes()) {
            scopes.append("<li>").append(escape(Scopes.REGISTERED.getOrDefault(scope, scope)))
                    .append(" (<code>").append(escape(scope)).append("</code>)</li>\n");
        }
        StringBuilder hidden = new StringBuilder();
        hiddenField(hidden, "client_id", request.clientId());
        hiddenField(hidden, "redirect_uri", request.redirectUri());
        hiddenField(hidden, "response_type", "code");
        hiddenField(hidden, "scope", String.join(" ", request.scopes()));
        hiddenField(hidden, "banner", request.banner());
        request.state().ifPresent(state -> hiddenField(hidden, "state", state));
        request.codeChallenge().ifPresent(challenge -> {
            hiddenField(hidden, "code_challenge", challenge);
            hiddenField(hidden, "code_challenge_method", "S256");
        });
        String errorBlock = error.map(e -> "<p class=\"error\" role=\"alert\" id=\"form-error\">" + escape(e) + "</p>\n")
                .orElse("");
        String content = fill(consent, Map.of(
                "bannerName", escape(bannerName),
                "errorBlock", errorBlock,
                "clientId", escape(request.clientId()),
                "scopeItems", scopes.toString(),
                "hiddenFields", hidden.toString(),
                "username", escape(username),
                "usernameInvalid", error.isPresent() ? " aria-invalid=\"true\"" : "",
                "describedBy", error.isPresent() ? "form-error username-hint" : "username-hint"));
        return page(status, "Sign in to " + bannerName, content);
    }

    Response homePage(String baseUri, String clientId, int storeCount, int productCount) {
        String content = fill(home, Map.of(
                "baseUri", escape(baseUri),
                "clientId", escape(clientId),
                "storeCount", Integer.toString(storeCount),
                "productCount", Integer.toString(productCount)));
        return page(200, "Home", content);
    }

    private Response page(int status, String title, String content) {
        return HtmlTemplates.page(frame, status, title, content);
    }

    private static String load(String resource) {
        return HtmlTemplates.load(HtmlPages.class, resource);
    }
}
