package org.personalshopper.adapters.web.guard;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.personalshopper.adapters.web.problem.Problem;
import org.personalshopper.adapters.web.problem.ProblemType;

/**
 * Refuses state-changing requests that a browser sent from another site (cross-site request forgery on
 * top of SameSite=Lax). A request without {@code Origin} comes from a non-browser client and is let through;
 * {@code Origin: null} (sandboxed frames, some redirects) is refused.
 */
@PreMatching
public final class OriginCheckFilter implements ContainerRequestFilter {
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "DELETE", "PATCH");
    private final String ownOrigin;

    public OriginCheckFilter(URI publicOrigin) {
        this.ownOrigin = normalize(Objects.requireNonNull(publicOrigin, "publicOrigin").toString());
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!STATE_CHANGING.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            return;
        }
        var origins = request.getHeaders().get("Origin");
        if (origins == null || origins.isEmpty()) {
            return;
        }
        if (origins.size() != 1 || !ownOrigin.equals(normalize(origins.get(0)))) {
            request.abortWith(Problem.of(ProblemType.FORBIDDEN_ORIGIN, 403, "Cross-site request refused",
                    "state-changing requests are accepted only from this service's own origin").response());
        }
    }

    /** scheme://host[:port] in lower case, without a default port or a trailing slash. */
    static String normalize(String origin) {
        String text = origin.strip().toLowerCase(Locale.ROOT);
        if (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.startsWith("http://") && text.endsWith(":80")) {
            text = text.substring(0, text.length() - 3);
        } else if (text.startsWith("https://") && text.endsWith(":443")) {
            text = text.substring(0, text.length() - 4);
        }
        return text;
    }
}
