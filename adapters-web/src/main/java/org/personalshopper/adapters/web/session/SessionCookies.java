package org.personalshopper.adapters.web.session;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The two cookies of sign-in, written by hand so every attribute is exactly as reviewed: the login cookie
 * binds a sign-in in progress to this browser (path {@code /auth}, 10 minutes); the session cookie carries
 * the session id ({@code Path=/}). Both HttpOnly and SameSite=Lax, Secure when served over https; then the
 * session cookie is named with the {@code __Host-} prefix, which browsers accept only from this host itself,
 * Secure, with {@code Path=/} and no Domain: a sibling subdomain cannot plant or overwrite it.
 */
public final class SessionCookies {
    public static final String SESSION = "shopper_session";
    public static final String HOST_SESSION = "__Host-" + SESSION;
    public static final String LOGIN = "shopper_login";
    public static final Duration LOGIN_MAX_AGE = Duration.ofMinutes(10);
    private static final String LOGIN_PATH = "/auth";

    private final boolean secure;
    private final Duration sessionMaxAge;

    public SessionCookies(boolean secure, Duration sessionMaxAge) {
        this.secure = secure;
        this.sessionMaxAge = Objects.requireNonNull(sessionMaxAge, "sessionMaxAge");
        if (sessionMaxAge.isNegative() || sessionMaxAge.isZero()) {
            throw new IllegalArgumentException("sessionMaxAge must be positive");
        }
    }

    /** The session cookie's name: {@code __Host-shopper_session} over https, else {@code shopper_session}. */
    public String sessionName() {
        return secure ? HOST_SESSION : SESSION;
    }

    /** The session id the client presented under this service's session cookie name, if it can be one. */
    public Optional<String> sessionIn(Map<String, Cookie> presented) {
        return Optional.ofNullable(presented.get(sessionName())).map(Cookie::getValue).flatMap(SessionCookies::plausible);
    }

    /**
     * The same as {@link #sessionIn(Map)} with the request's cookies, read from its Cookie headers without
     * Jersey's cookie parser, which compiles a regular expression and builds a map of every cookie on each
     * call (1.6 % of a signed-in request's CPU samples). Headers holding {@code $} attributes or quotes, the
     * only ones where that parser does more than split, trim and let the last cookie of a name win, still go
     * through it.
     */
    public Optional<String> sessionIn(ContainerRequestContext request) {
        return presented(request.getHeaders().get(HttpHeaders.COOKIE), sessionName(), request::getCookies);
    }

    /**
     * The value of the cookie {@code name} in these Cookie headers, if it can be one of ours: without Jersey's
     * cookie parser, which {@code all} runs only for headers with {@code $} attributes or quotes. The session
     * filter's read ({@link #sessionIn(ContainerRequestContext)}) and the sign-in callback's two (the login
     * cookie and an earlier session to end).
     */
    public static Optional<String> presented(List<String> cookieHeaders, String name, Supplier<Map<String, Cookie>> all) {
        if (cookieHeaders == null || cookieHeaders.isEmpty()) {
            return Optional.empty();
        }
        String value = null;
        for (String header : cookieHeaders) {
            if (header == null) {
                continue;
            }
            if (header.indexOf('$') >= 0 || header.indexOf('"') >= 0) {
                return Optional.ofNullable(all.get().get(name)).map(Cookie::getValue).flatMap(SessionCookies::plausible);
            }
            String found = lastValue(header, name);
            if (found != null) {
                value = found;
            }
        }
        return plausible(value);
    }

    /**
     * The value of the last cookie named {@code name} in one plain Cookie header, as Jersey reads it: pairs
     * separated by {@code ;} or {@code ,}, split at the first {@code =}, name and value trimmed.
     */
    static String lastValue(String header, String name) {
        String value = null;
        int n = header.length();
        for (int start = 0; start <= n; ) {
            int end = start;
            while (end < n && header.charAt(end) != ';' && header.charAt(end) != ',') {
                end++;
            }
            int equals = start;
            while (equals < end && header.charAt(equals) != '=') {
                equals++;
            }
            if (trimmedEquals(header, start, equals, name)) {
                value = equals < end ? header.substring(equals + 1, end).trim() : "";
            }
            start = end + 1;
        }
        return value;
    }

    /** Whether {@code text[from, to)}, trimmed as {@link String#trim} does, is {@code name}. */
    private static boolean trimmedEquals(String text, int from, int to, String name) {
        while (from < to && text.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && text.charAt(to - 1) <= ' ') {
            to--;
        }
        return to - from == name.length() && text.regionMatches(from, name, 0, name.length());
    }

    public String login(String browserBinding) {
        return cookie(LOGIN, browserBinding, LOGIN_PATH, LOGIN_MAX_AGE.toSeconds());
    }

    public String clearLogin() {
        return cookie(LOGIN, "", LOGIN_PATH, 0);
    }

    public String session(String sessionId) {
        return cookie(sessionName(), sessionId, "/", sessionMaxAge.toSeconds());
    }

    public String clearSession() {
        return cookie(sessionName(), "", "/", 0);
    }

    /** A cookie value as the client sent it, if it can be one of ours (visible ASCII, bounded). */
    public static Optional<String> plausible(String value) {
        if (value == null || value.isEmpty() || value.length() > 512) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) { // a loop, not a stream: this runs on every signed-in request
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7F || c == ';' || c == ',' || c == '"' || c == '\\') {
                return Optional.empty();
            }
        }
        return Optional.of(value);
    }

    private String cookie(String name, String value, String path, long maxAgeSeconds) {
        if (!value.isEmpty() && plausible(value).isEmpty()) {
            throw new IllegalArgumentException("a cookie value must be visible ASCII without separators");
        }
        StringBuilder header = new StringBuilder(name).append('=').append(value)
                .append("; Path=").append(path)
                .append("; Max-Age=").append(maxAgeSeconds);
        if (maxAgeSeconds == 0) {
            header.append("; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
        }
        header.append("; HttpOnly; SameSite=Lax");
        if (secure) {
            header.append("; Secure");
        }
        return header.toString();
    }
}
