package org.personalshopper.adapters.web.guard;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/** Answers about a shopper or a sign-in must never be kept by a browser or proxy cache. */
public final class NoStoreFilter implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (path != null && (path.startsWith("/api") || path.startsWith("/auth"))) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
        }
    }
}
