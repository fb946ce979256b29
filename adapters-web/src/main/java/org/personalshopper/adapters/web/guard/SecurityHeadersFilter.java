package org.personalshopper.adapters.web.guard;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Headers every answer carries, errors and static files included: {@code X-Content-Type-Options: nosniff}
 * (a browser never guesses a type other than the one declared), and with an https origin
 * {@code Strict-Transport-Security}, so a browser that has seen the service once never speaks plain http to
 * it again (where the session cookie could be taken).
 */
public final class SecurityHeadersFilter implements ContainerResponseFilter {
    static final String HSTS = "max-age=31536000";

    private final boolean httpsOrigin;

    public SecurityHeadersFilter(boolean httpsOrigin) {
        this.httpsOrigin = httpsOrigin;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        if (httpsOrigin) {
            response.getHeaders().putSingle("Strict-Transport-Security", HSTS);
        }
    }
}
