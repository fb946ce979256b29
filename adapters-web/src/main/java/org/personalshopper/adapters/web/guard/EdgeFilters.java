package org.personalshopper.adapters.web.guard;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.IOException;
import java.util.List;
import org.glassfish.jersey.server.ContainerRequest;

/**
 * The filters every request passes before matching, and every answer after, run by Jersey as one filter of
 * each kind: Jersey sorts its filters by priority and walks them with an iterator on every request, once
 * per stage, so four request and three response filters cost more than the checks they make. The order is
 * the list's, and a request refused by one is seen by none after it, as when each was registered with its
 * priority; response filters run in the list's order.
 */
@PreMatching
public final class EdgeFilters implements ContainerRequestFilter, ContainerResponseFilter {
    private final ContainerRequestFilter[] requestFilters;
    private final ContainerResponseFilter[] responseFilters;

    public EdgeFilters(List<ContainerRequestFilter> requestFilters, List<ContainerResponseFilter> responseFilters) {
        this.requestFilters = requestFilters.toArray(ContainerRequestFilter[]::new);
        this.responseFilters = responseFilters.toArray(ContainerResponseFilter[]::new);
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        for (ContainerRequestFilter filter : requestFilters) {
            filter.filter(request);
            if (((ContainerRequest) request).getAbortResponse() != null) {
                return;
            }
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        for (ContainerResponseFilter filter : responseFilters) {
            filter.filter(request, response);
        }
    }
}
