package org.personalshopper.adapters.web;

import jakarta.ws.rs.Priorities;
import java.util.List;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.spi.internal.ValueParamProvider;
import org.personalshopper.adapters.web.guard.BodyLimitFilter;
import org.personalshopper.adapters.web.guard.EdgeFilters;
import org.personalshopper.adapters.web.guard.ContentTypeFilter;
import org.personalshopper.adapters.web.guard.JsonBodyFilter;
import org.personalshopper.adapters.web.guard.NoStoreFilter;
import org.personalshopper.adapters.web.guard.OriginCheckFilter;
import org.personalshopper.adapters.web.guard.RequestLogFilter;
import org.personalshopper.adapters.web.guard.SecurityHeadersFilter;
import org.personalshopper.adapters.web.guard.SignInRateLimit;
import org.personalshopper.adapters.web.guard.SignInRateLimitFilter;
import org.personalshopper.adapters.web.json.JsonMapperResolver;
import org.personalshopper.adapters.web.metrics.MetricsEndpoint;
import org.personalshopper.adapters.web.problem.ProblemExceptionMapper;
import org.personalshopper.adapters.web.resource.AuthResource;
import org.personalshopper.adapters.web.resource.CartResource;
import org.personalshopper.adapters.web.resource.FrontPageResource;
import org.personalshopper.adapters.web.resource.GuidanceResource;
import org.personalshopper.adapters.web.resource.HealthResource;
import org.personalshopper.adapters.web.resource.LocationResource;
import org.personalshopper.adapters.web.resource.MetricsResource;
import org.personalshopper.adapters.web.resource.OpenApiResource;
import org.personalshopper.adapters.web.resource.ProductResource;
import org.personalshopper.adapters.web.resource.SelectionResource;
import org.personalshopper.adapters.web.resource.ShoppingListResource;
import org.personalshopper.adapters.web.resource.UserResource;
import org.personalshopper.adapters.web.session.SessionAuthenticationFilter;
import org.personalshopper.adapters.web.session.SessionCookies;
import org.personalshopper.adapters.web.session.SecurityContextParameters;

/**
 * The HTTP API as one Jersey application. The caller (bootstrap) adds an HK2 binder for the use cases
 * (see {@link #USE_CASES}) and runs it on a container.
 */
public final class ShopperWebApp {
    /** Every use-case interface the resources inject; each must be bound to an implementation. */
    public static final List<Class<?>> USE_CASES = List.of(
            org.personalshopper.application.port.in.AuthenticateShopper.class,
            org.personalshopper.application.port.in.ViewShopper.class,
            org.personalshopper.application.port.in.ListProviders.class,
            org.personalshopper.application.port.in.ManageConnections.class,
            org.personalshopper.application.port.in.ChoosePreferredStore.class,
            org.personalshopper.application.port.in.ManageGuidance.class,
            org.personalshopper.application.port.in.ManageSelections.class,
            org.personalshopper.application.port.in.SearchProducts.class,
            org.personalshopper.application.port.in.FindStores.class,
            org.personalshopper.application.port.in.FillCart.class,
            org.personalshopper.application.port.in.CheckReadiness.class,
            org.personalshopper.application.port.in.ManageShoppingLists.class,
            org.personalshopper.application.port.in.PlanShoppingList.class,
            org.personalshopper.application.port.in.ChooseProductForItem.class,
            org.personalshopper.application.port.in.SendListToCart.class);

    /** The resource classes, i.e. everything the API document must describe. */
    public static final List<Class<?>> RESOURCES = List.of(AuthResource.class, UserResource.class,
            GuidanceResource.class, SelectionResource.class, ProductResource.class, LocationResource.class,
            CartResource.class, ShoppingListResource.class, HealthResource.class, OpenApiResource.class, FrontPageResource.class,
            MetricsResource.class);

    // Request filters run in ascending order, the ones before matching first. None of these reads the body;
    // JsonBodyFilter, which does, runs after matching and after the session check. The edge filters' answer
    // side runs last of the response filters (lowest priority), so the log line has the final status.
    private static final int EDGE = 1;
    /** Answers up to this size carry a Content-Length; longer ones are chunked. */
    static final int CONTENT_LENGTH_BUFFER_BYTES = 2 * 1024;
    private static final int SIGN_IN_LIMIT = 150;

    private ShopperWebApp() {
    }

    /** Without metrics: {@code /metrics} answers 404. */
    public static ResourceConfig resourceConfig(WebSettings settings) {
        return resourceConfig(settings, MetricsEndpoint.off());
    }

    public static ResourceConfig resourceConfig(WebSettings settings, MetricsEndpoint metrics) {
        SessionCookies cookies = new SessionCookies(settings.secureCookies(), settings.sessionCookieMaxAge());
        ResourceConfig config = new ResourceConfig();
        config.setApplicationName("personal-shopper");
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        // Grizzly would otherwise replace error answers without an entity by its own HTML page.
        config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        // Keep Location relative ("/api/guidance/..."): behind a proxy the request's own host is not the public one.
        config.property(ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED, true);
        config.property(ServerProperties.BV_FEATURE_DISABLE, true);
        // Jersey holds every answer in a buffer of this size (allocated for each answer, used or not) to send
        // its Content-Length; a longer one goes out chunked. 2 KB still covers the small answers (a shopper's
        // profile, every problem) and allocates 6 KB less per request than the default 8 KB.
        config.property(ServerProperties.OUTBOUND_CONTENT_LENGTH_BUFFER, CONTENT_LENGTH_BUFFER_BYTES);

        config.register(JacksonFeature.withoutExceptionMappers());
        config.register(new JsonMapperResolver());
        config.register(new ProblemExceptionMapper());

        // Before matching, in this order: log first, then cheap refusals before any work. Answers get their
        // headers, then the log line (last, so it has the final status). One filter of each kind for Jersey.
        RequestLogFilter log = new RequestLogFilter();
        config.register(new EdgeFilters(
                List.of(log, new OriginCheckFilter(settings.publicOrigin()),
                        new BodyLimitFilter(settings.maxBodyBytes(), settings.bodyTimeout()), new ContentTypeFilter()),
                List.of(new NoStoreFilter(), new SecurityHeadersFilter(settings.httpsOrigin()), log)), EDGE);
        // After matching: the sign-in limit, the session check, then the JSON body check (JsonBodyFilter.PRIORITY).
        config.register(new SignInRateLimitFilter(new SignInRateLimit(settings.signInsPerClient(), settings.signInsTotal())),
                SIGN_IN_LIMIT);
        config.register(new JsonBodyFilter.Feature());
        config.register(SessionAuthenticationFilter.class, Priorities.AUTHENTICATION);

        RESOURCES.forEach(config::register);
        config.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(cookies).to(SessionCookies.class);
                bind(metrics).to(MetricsEndpoint.class);
                bind(new SecurityContextParameters()).to(ValueParamProvider.class);
            }
        });
        return config;
    }
}
