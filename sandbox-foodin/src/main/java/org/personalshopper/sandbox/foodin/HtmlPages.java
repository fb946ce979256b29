package org.personalshopper.sandbox.foodin;

import static org.personalshopper.sandbox.support.HtmlTemplates.escape;
import static org.personalshopper.sandbox.support.HtmlTemplates.fill;
import static org.personalshopper.sandbox.support.HtmlTemplates.hiddenField;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.personalshopper.sandbox.support.HtmlTemplates;

/**
 * The sandbox's HTML pages. Every page goes through the same frame, so every one carries the
 * "Foodin sandbox - not the real Foodin" banner. Values are escaped and templates filled as
 * {@link HtmlTemplates} does.
 */
final class HtmlPages {

    private final String frame = load("page.html");
    private final String consent = load("consent.html");
    private final String home = load("home.html");

    /** The consent page for a checked authorize request, optionally with an error to fix (e.g. a blank e-mail). */
    Response consentPage(int status, AuthorizeRequest request, String email, Optional<String> error) {
        StringBuilder hidden = new StringBuilder();
        hiddenField(hidden, "client_id", request.clientId());
        hiddenField(hidden, "response_type", "code");
        if (request.redirectUriGiven()) {
            hiddenField(hidden, "redirect_uri", request.redirectUri());
        }
        hiddenField(hidden, "scope", request.scope().wireName());
        request.state().ifPresent(state -> hiddenField(hidden, "state", state));
        request.clientRoles().forEach(role -> hiddenField(hidden, "client_roles[]", role));
        request.prefill().fields().forEach((field, value) -> hiddenField(hidden, SignUpPrefill.parameterName(field), value));

        StringBuilder prefilled = new StringBuilder();
        if (!request.prefill().isEmpty()) {
            prefilled.append("<h2>Prefilled for a new account</h2>\n<dl class=\"prefill\">\n");
            request.prefill().fields().forEach((field, value) -> prefilled.append("<dt>")
                    .append(escape(SignUpPrefill.LABELS.getOrDefault(field, field))).append("</dt><dd data-field=\"")
                    .append(escape(field)).append("\">").append(escape(value)).append("</dd>\n"));
            prefilled.append("</dl>\n");
        }
        String roles = request.clientRoles().isEmpty() ? ""
                : "<p>Roles on this connection: " + escape(String.join(", ", request.clientRoles())) + "</p>\n";
        String access = request.scope() == Scope.READ_WRITE ? "read and write your Foodin account" : "read your Foodin account";
        String errorBlock = error.map(e -> "<p class=\"error\" role=\"alert\" id=\"form-error\">" + escape(e) + "</p>\n")
                .orElse("");
        String content = fill(consent, Map.ofEntries(
                Map.entry("errorBlock", errorBlock),
                Map.entry("clientId", escape(request.clientId())),
                Map.entry("mode", request.mode().isLive() ? "live mode" : "test mode"),
                Map.entry("access", escape(access)),
                Map.entry("scope", escape(request.scope().wireName())),
                Map.entry("roles", roles),
                Map.entry("prefilled", prefilled.toString()),
                Map.entry("hiddenFields", hidden.toString()),
                Map.entry("email", escape(email)),
                Map.entry("emailInvalid", error.isPresent() ? " aria-invalid=\"true\"" : ""),
                Map.entry("describedBy", error.isPresent() ? "form-error email-hint" : "email-hint")));
        return page(status, "Connect with Foodin", content);
    }

    Response homePage(String baseUri, FoodinSandboxSettings settings, int connections) {
        String content = fill(home, Map.of(
                "baseUri", escape(baseUri),
                "testClientId", escape(settings.testClientId()),
                "liveClientId", escape(settings.liveClientId()),
                "redirectUris", escape(String.join(", ", settings.redirectUris())),
                "connections", Integer.toString(connections)));
        return page(200, "Home", content);
    }

    private Response page(int status, String title, String content) {
        return HtmlTemplates.page(frame, status, title, content);
    }

    private static String load(String resource) {
        return HtmlTemplates.load(HtmlPages.class, resource);
    }
}
