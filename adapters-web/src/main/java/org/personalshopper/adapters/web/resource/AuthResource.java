package org.personalshopper.adapters.web.resource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Comparator;
import java.util.List;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.glassfish.jersey.server.ManagedAsync;
import org.personalshopper.adapters.web.guard.SignInStart;
import org.personalshopper.adapters.web.problem.ProblemExceptionMapper;
import org.personalshopper.adapters.web.session.SessionCookies;
import org.personalshopper.adapters.web.session.SessionRequired;
import org.personalshopper.adapters.web.session.ShopperPrincipal;
import org.personalshopper.application.port.in.AuthenticateShopper;
import org.personalshopper.application.port.in.ConnectionConflictException;
import org.personalshopper.application.port.in.ListProviders;
import org.personalshopper.application.port.in.SignInFailedException;
import org.personalshopper.domain.Banner;
import org.personalshopper.domain.Capability;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.ReturnPath;

/**
 * Sign-in with any configured provider (authorization code flow), connecting another provider account,
 * the list of providers, and sign-out.
 */
@Path("/auth")
@Singleton
public class AuthResource {
    /** {@code /auth/callback} without a provider is Kroger's, the callback registered before there were others. */
    static final Provider UNNAMED_CALLBACK_PROVIDER = new Provider("kroger");

    private final AuthenticateShopper authenticate;
    private final ListProviders listProviders;
    private final SessionCookies cookies;

    @Inject
    public AuthResource(AuthenticateShopper authenticate, ListProviders listProviders, SessionCookies cookies) {
        this.authenticate = authenticate;
        this.listProviders = listProviders;
        this.cookies = cookies;
    }

    /** One configured provider, as {@code GET /auth/providers} lists it. */
    public record ProviderJson(String name, List<String> capabilities) {
    }

    /** The providers a shopper can sign in with or connect, and what each offers; public. */
    @GET
    @Path("providers")
    @Produces(MediaType.APPLICATION_JSON)
    public Items<ProviderJson> providers() {
        return new Items<>(listProviders.providers().stream()
                .map(offer -> new ProviderJson(offer.provider().name(), offer.capabilities().stream()
                        .sorted(Comparator.naturalOrder()).map(Capability::wireName).toList()))
                .toList());
    }

    /**
     * Sends the browser to the provider's sign-in page (the default provider when none is named), binding
     * this sign-in to the browser by a cookie.
     */
    @GET
    @Path("login")
    @SignInStart
    public Response login(@QueryParam("returnTo") String returnTo, @QueryParam("banner") String banner,
                          @QueryParam("provider") String provider) {
        return start(returnTo, banner, provider, Optional.empty(), Response.Status.FOUND);
    }

    /** Where a connect goes, for scripts that navigate themselves (a page's CSP keeps forms on its own origin). */
    public record ConnectJson(String location) {
    }

    /**
     * Connects another provider account to the signed-in shopper: 303 to that provider's sign-in; its
     * callback links the account. POST, so the Origin check guards it. A caller accepting only JSON gets
     * 200 with the same location instead, and navigates there itself.
     */
    @POST
    @Path("connect")
    @SessionRequired
    @SignInStart
    public Response connect(@Context SecurityContext security, @Context HttpHeaders headers,
                            @QueryParam("provider") String provider, @QueryParam("returnTo") String returnTo) {
        Fields fields = new Fields();
        if (provider == null || provider.isEmpty()) {
            fields.fail("provider", "is required");
        }
        fields.throwIfInvalid();
        Response redirect = start(returnTo, null, provider, Optional.of(ShopperPrincipal.of(security)), Response.Status.SEE_OTHER);
        boolean jsonOnly = headers.getAcceptableMediaTypes().size() == 1
                && headers.getAcceptableMediaTypes().get(0).isCompatible(MediaType.APPLICATION_JSON_TYPE)
                && !headers.getAcceptableMediaTypes().get(0).isWildcardType();
        if (!jsonOnly) {
            return redirect;
        }
        Response.ResponseBuilder answer = Response.ok(new ConnectJson(redirect.getLocation().toString()), MediaType.APPLICATION_JSON);
        redirect.getStringHeaders().get("Set-Cookie").forEach(cookie -> answer.header("Set-Cookie", cookie));
        return answer.build();
    }

    private Response start(String returnTo, String banner, String provider, Optional<ShopperId> linkTo,
                           Response.Status status) {
        Fields fields = new Fields();
        ReturnPath target = returnTo == null || returnTo.isEmpty() ? ReturnPath.HOME
                : fields.check("returnTo", () -> new ReturnPath(returnTo));
        if (target != null && location(target).isEmpty()) {
            fields.fail("returnTo", "must be a valid URL path");
        }
        Optional<Banner> brand = Fields.given(banner).map(b -> fields.check("banner", () -> new Banner(b)));
        Optional<Provider> named = Fields.given(provider).map(p -> fields.check("provider", () -> new Provider(p)));
        fields.throwIfInvalid();
        AuthenticateShopper.LoginRedirect redirect = authenticate.beginLogin(
                new AuthenticateShopper.BeginLogin(target, brand, named, linkTo));
        return Response.status(status)
                .location(redirect.authorizationUrl())
                .header("Set-Cookie", cookies.login(redirect.browserBinding()))
                .build();
    }

    /** Kroger's callback, as registered before each provider had its own. */
    @ManagedAsync // may call a provider: runs on the provider threads (ADR 10)
    @GET
    @Path("callback")
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
                             @QueryParam("error") String error, @QueryParam("error_description") String errorDescription,
                             @Context HttpHeaders headers) {
        return complete(UNNAMED_CALLBACK_PROVIDER, code, state, error, headers);
    }

    /**
     * The provider sends the browser back here. A session cookie the browser already had is never reused
     * (session fixation): a new one is always issued and the old one ended. A state issued for another
     * provider is refused before any code exchange.
     */
    @ManagedAsync // may call a provider: runs on the provider threads (ADR 10)
    @GET
    @Path("callback/{provider}")
    public Response providerCallback(@PathParam("provider") String provider, @QueryParam("code") String code,
                                     @QueryParam("state") String state, @QueryParam("error") String error,
                                     @QueryParam("error_description") String errorDescription,
                                     @Context HttpHeaders headers) {
        Provider callbackProvider = Fields.pathId("provider", () -> new Provider(provider));
        return complete(callbackProvider, code, state, error, headers);
    }

    /**
     * The login cookie and any earlier session cookie are read from the Cookie headers without Jersey's cookie
     * parser (a regular expression and a map of every cookie per call), unless a header needs it.
     */
    private Response complete(Provider callbackProvider, String code, String state, String error, HttpHeaders headers) {
        List<String> cookieHeaders = headers.getRequestHeader(HttpHeaders.COOKIE);
        Optional<String> loginCookie = SessionCookies.presented(cookieHeaders, SessionCookies.LOGIN, headers::getCookies);
        AuthenticateShopper.SignedIn signedIn;
        try {
            signedIn = authenticate.completeLogin(new AuthenticateShopper.CompleteLogin(callbackProvider,
                    Fields.given(state), Fields.given(code), Fields.given(error),
                    loginCookie));
        } catch (SignInFailedException e) {
            return ProblemExceptionMapper.signInFailed(e).builder()
                    .header("Set-Cookie", cookies.clearLogin())
                    .build();
        } catch (ConnectionConflictException e) {
            return ProblemExceptionMapper.problem(e).builder()
                    .header("Set-Cookie", cookies.clearLogin())
                    .build();
        }
        SessionCookies.presented(cookieHeaders, cookies.sessionName(), headers::getCookies).ifPresent(authenticate::signOut);
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
