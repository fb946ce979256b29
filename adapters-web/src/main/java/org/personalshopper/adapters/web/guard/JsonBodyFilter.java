package org.personalshopper.adapters.web.guard;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.Set;
import org.personalshopper.adapters.web.problem.ProblemExceptionMapper;

/**
 * A body sent to {@code /api} must be declared as JSON. Jersey already refuses a wrong Content-Type on a
 * JSON endpoint; this also refuses a body sent with none, instead of guessing its type.
 */
@PreMatching
public final class JsonBodyFilter implements ContainerRequestFilter {
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (path == null || !path.startsWith("/api/") || !WITH_BODY.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            return;
        }
        if (!hasBody(request)) {
            return;
        }
        MediaType type;
        try {
            type = request.getMediaType();
        } catch (RuntimeException e) {
            type = null; // an unparseable Content-Type is no JSON either
        }
        if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.isWildcardType() || type.isWildcardSubtype()) {
            request.abortWith(ProblemExceptionMapper.unsupportedMediaType().response());
        }
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        if (length != null) {
            return !length.strip().equals("0");
        }
        return request.getHeaderString("Transfer-Encoding") != null;
    }
}
