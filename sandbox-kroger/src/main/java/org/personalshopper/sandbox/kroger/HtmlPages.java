package org.personalshopper.sandbox.kroger;

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
 * The sandbox's few HTML pages. Every page goes through the same frame, so every one carries the
 * "Kroger sandbox - not the real Kroger" banner. Values are escaped before they reach a template; templates are
 * filled in one pass, so a value that looks like a placeholder stays text.
 */
final class HtmlPages {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
    private static final String CONTENT_TYPE = MediaType.TEXT_HTML + ";charset=utf-8";

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
        String html = fill(frame, Map.of("title", escape(title), "content", content));
        return Response.status(status).type(CONTENT_TYPE).entity(html)
                // No external assets; inline styles only; never framed (clickjacking of the Approve button).
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
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

    static String load(String resource) {
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
