package org.personalshopper.sandbox.support;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a sandbox writes its HTML pages: values are escaped before they reach a template, and templates are
 * filled in one pass, so a value that looks like a placeholder stays text. Every page is served with
 * headers that allow no external asset and no framing.
 */
public final class HtmlTemplates {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
    private static final String CONTENT_TYPE = MediaType.TEXT_HTML + ";charset=utf-8";

    private HtmlTemplates() {
    }

    /** {@code content} in the sandbox's {@code frame} (its {@code {{title}}} and {@code {{content}}}) as an HTML answer. */
    public static Response page(String frame, int status, String title, String content) {
        String html = fill(frame, Map.of("title", escape(title), "content", content));
        return Response.status(status).type(CONTENT_TYPE).entity(html)
                // No external assets; inline styles only; never framed (clickjacking of the consent button).
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store")
                .build();
    }

    public static void hiddenField(StringBuilder out, String name, String value) {
        out.append("<input type=\"hidden\" name=\"").append(escape(name)).append("\" value=\"")
                .append(escape(value)).append("\">\n");
    }

    public static String escape(String text) {
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

    /** Every {@code {{name}}} of the template replaced by its value; a placeholder without a value fails. */
    public static String fill(String template, Map<String, String> values) {
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

    /** A UTF-8 resource of the sandbox, named relative to {@code owner}'s package. */
    public static String load(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("sandbox resource missing: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
