package org.personalshopper.adapters.web.guard;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import org.personalshopper.adapters.web.problem.ProblemExceptionMapper;

/**
 * A body declared with a Content-Type that cannot be parsed is no JSON: 415 before matching, where Jersey
 * would otherwise fail on the header and answer an empty 400. Reads the header only, never the body.
 */
@PreMatching
public final class ContentTypeFilter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        if (!JsonBodyFilter.hasBody(request) || request.getHeaderString("Content-Type") == null) {
            return;
        }
        try {
            request.getMediaType();
        } catch (RuntimeException e) {
            request.abortWith(ProblemExceptionMapper.unsupportedMediaType().response());
        }
    }
}
