package org.personalshopper.adapters.web.resource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.personalshopper.adapters.web.guard.SignInStart;
import org.personalshopper.adapters.web.problem.ProblemExceptionMapper;
import org.personalshopper.adapters.web.session.SessionCookies;
import org.personalshopper.application.port.in.AuthenticateShopper;
import org.personalshopper.application.port.in.SignInFailedException;
import org.personalshopper.domain.Banner;
import org.personalshopper.domain.ReturnPath;

/** Sign-in with the grocer (authorization code flow) and sign-out. */
@Path("/auth")
@Singleton
public class AuthResource {
    private final AuthenticateShopper authenticate;
    private final SessionCookies cookies;

    @Inject
    public AuthResource(AuthenticateShopper authenticate, SessionCookies cookies) {
        this.authenticate = authenticate;
        this.cookies = cookies;
    }

    /** Sends the browser to the grocer's sign-in page, binding this sign-in to the browser by a cookie. */
    @GET
    @Path("login")
    @SignInStart
    public Response login(@QueryParam("returnTo") String returnTo, @QueryParam("banner") String banner) {
        Fields fields = new Fields();
        ReturnPath target = returnTo == null || returnTo.isEmpty() ? ReturnPath.HOME
                : fields.check("returnTo", () -> new ReturnPath(returnTo));
        if (target != null && location(target).isEmpty()) {
            fields.fail("returnTo", "must be a valid URL path");
        }
        Optional<Banner> brand = Fields.given(banner).map(b -> fields.check("banner", () -> new Banner(b)));
        fields.throwIfInvalid();
        AuthenticateShopper.LoginRedirect redirect = authenticate.beginLogin(new AuthenticateShopper.BeginLogin(target, brand));
        return Response.status(Response.Status.FOUND)
                .location(redirect.authorizationUrl())
                .header("Set-Cookie", cookies.login(redirect.browserBinding()))
                .build();
    }

    /**
     * The grocer sends the browser back here. A session cookie the browser already had is never reused
     * (session fixation): a new one is always issued and the old one ended.
     */
    @GET
    @Path("callback")
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
                             @QueryParam("error") String error, @QueryParam("error_description") String errorDescription,
                             @CookieParam(SessionCookies.LOGIN) String loginCookie,
                             @Context HttpHeaders headers) {
        AuthenticateShopper.SignedIn signedIn;
        try {
            signedIn = authenticate.completeLogin(new AuthenticateShopper.CompleteLogin(
                    Fields.given(state), Fields.given(code), Fields.given(error),
                    Optional.ofNullable(loginCookie).flatMap(SessionCookies::plausible)));
        } catch (SignInFailedException e) {
            return ProblemExceptionMapper.signInFailed(e).builder()
                    .header("Set-Cookie", cookies.clearLogin())
                    .build();
        }
        cookies.sessionIn(headers.getCookies()).ifPresent(authenticate::signOut);
        return Response.status(Response.Status.FOUND)
                .location(location(signedIn.returnTo()).orElse(URI.create("/")))
                .header("Set-Cookie", cookies.session(signedIn.sessionId()))
                .header("Set-Cookie", cookies.clearLogin())
                .build();
    }

    /** The redirect target as a relative URI; empty when the path has characters a URI cannot carry. */
    private static Optional<URI> location(ReturnPath path) {
        try {
            return Optional.of(new URI(path.value()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * Ends the session server-side and clears the cookie; with {@code everywhere=true}, ends every session of
     * that shopper (all their devices). Answers 204 with or without a session.
     */
    @POST
    @Path("logout")
    public Response logout(@QueryParam("everywhere") String everywhere, @Context HttpHeaders headers) {
        Fields fields = new Fields();
        boolean all = false;
        if (everywhere != null) {
            if (everywhere.equals("true") || everywhere.equals("false")) {
                all = everywhere.equals("true");
            } else {
                fields.fail("everywhere", "must be true or false");
            }
        }
        fields.throwIfInvalid();
        Optional<String> session = cookies.sessionIn(headers.getCookies());
        if (all) {
            session.ifPresent(authenticate::signOutEverywhere);
        } else {
            session.ifPresent(authenticate::signOut);
        }
        return Response.noContent().header("Set-Cookie", cookies.clearSession()).build();
    }
}
