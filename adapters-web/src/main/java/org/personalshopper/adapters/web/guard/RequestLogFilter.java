package org.personalshopper.adapters.web.guard;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per request: method, path (never the query string: it carries sign-in codes and states),
 * status and duration. Headers, cookies and bodies are never logged.
 */
@PreMatching
public final class RequestLogFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final Logger log = LoggerFactory.getLogger("org.personalshopper.http");
    private static final String STARTED = RequestLogFilter.class.getName() + ".started";

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        long millis = started instanceof Long t ? (System.nanoTime() - t) / 1_000_000 : -1;
        if (log.isInfoEnabled()) {
            // The line built here, once: a message with arguments is copied and formatted by the logger on top.
            log.info(new StringBuilder(64).append(request.getMethod()).append(' ').append(pathOf(request)).append(' ')
                    .append(response.getStatus()).append(' ').append(millis).append("ms").toString());
        }
    }

    /** The raw path only, cut short so a hostile client cannot flood the log with one line. */
    static String pathOf(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (path == null) {
            return "-";
        }
        return path.length() > 200 ? path.substring(0, 200) + "..." : path;
    }
}
