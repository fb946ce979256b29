package org.personalshopper.adapters.web.session;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import org.personalshopper.adapters.web.problem.Problem;
import org.personalshopper.adapters.web.problem.ProblemType;
import org.personalshopper.application.port.in.AuthenticateShopper;
import org.personalshopper.domain.ShopperId;

/** Lets a request to a {@link SessionRequired} resource through only with a live session cookie. */
@SessionRequired
public final class SessionAuthenticationFilter implements ContainerRequestFilter {
    private final AuthenticateShopper authenticate;
    private final SessionCookies cookies;

    @Inject
    public SessionAuthenticationFilter(AuthenticateShopper authenticate, SessionCookies cookies) {
        this.authenticate = authenticate;
        this.cookies = cookies;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<ShopperId> shopper = cookies.sessionIn(request).flatMap(authenticate::identify);
        if (shopper.isEmpty()) {
            request.abortWith(Problem.of(ProblemType.UNAUTHENTICATED, 401, "Not signed in",
                    "this needs a signed-in shopper; sign in at /auth/login").with("signInUrl", "/auth/login").response());
            return;
        }
        ShopperPrincipal principal = new ShopperPrincipal(shopper.get());
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return "session-cookie";
            }
        });
    }
}
