package org.personalshopper.adapters.web.session;

import jakarta.ws.rs.core.Cookie;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
        if (value == null || value.isEmpty() || value.length() > 512 || !value.chars().allMatch(c -> c > 0x20 && c < 0x7F
                && c != ';' && c != ',' && c != '"' && c != '\\')) {
            return Optional.empty();
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
