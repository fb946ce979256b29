package org.personalshopper.sandbox.foodin;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox's HTML pages. Every page goes through the same frame, so every one carries the
 * "Foodin sandbox - not the real Foodin" banner. Values are escaped before they reach a template; templates are
 * filled in one pass, so a value that looks like a placeholder stays text.
 */
final class HtmlPages {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
    private static final String CONTENT_TYPE = MediaType.TEXT_HTML + ";charset=utf-8";

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
        String html = fill(frame, Map.of("title", escape(title), "content", content));
        return Response.status(status).type(CONTENT_TYPE).entity(html)
                // No external assets; inline styles only; never framed (clickjacking of the Connect button).
                .header("Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store")
                .build();
    }

    private static void hiddenField(StringBuilder out, String name, String value) {
        out.append("<input type=\"hidden\" name=\"").append(escape(name)).append("\" value=\"")
                .append(escape(value)).append("\">\n");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 256);
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("template placeholder without value: " + matcher.group(1));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String load(String resource) {
        try (InputStream in = HtmlPages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("sandbox resource missing: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
