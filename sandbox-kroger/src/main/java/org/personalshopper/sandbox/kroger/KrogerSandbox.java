package org.personalshopper.sandbox.kroger;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Objects;
import java.util.UUID;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.personalshopper.sandbox.support.DeferredJerseyHandler;

/**
 * A local emulator of Kroger's public HTTP API (OAuth2, Identity, Products, Locations, Cart) on an in-process
 * Grizzly server, all state in memory. It lets a newcomer run the whole service without a Kroger account and gives
 * end-to-end tests a Kroger to talk to. See docs/sandbox.md.
 *
 * <pre>{@code
 * try (KrogerSandbox kroger = KrogerSandbox.start(SandboxSettings.defaults())) {
 *     URI api = kroger.baseUri().resolve("/v1/products");
 * }
 * }</pre>
 */
public final class KrogerSandbox implements AutoCloseable {

    private final HttpServer server;
    private final URI baseUri;
    private final SandboxSettings settings;
    private final SandboxFaults faults;
    private final DeferredJerseyHandler application;

    private KrogerSandbox(HttpServer server, DeferredJerseyHandler application, URI baseUri, SandboxSettings settings,
                          SandboxFaults faults) {
        this.server = server;
        this.application = application;
        this.baseUri = baseUri;
        this.settings = settings;
        this.faults = faults;
    }

    /** Starts the sandbox and returns once it is listening. Port 0 picks any free port; see {@link #baseUri()}. */
    public static KrogerSandbox start(SandboxSettings settings) {
        KrogerSandbox sandbox = listen(settings);
        sandbox.finishStarting();
        return sandbox;
    }

    /**
     * Listens at once but builds the sandbox's web application (most of its start) only on the first request
     * or at {@link #finishStarting()}, whichever comes first; a request that comes first waits for it. How demo
     * mode starts the sandbox without delaying the service's own start.
     */
    public static KrogerSandbox listen(SandboxSettings settings) {
        Objects.requireNonNull(settings, "settings");
        ObjectMapper mapper = new ObjectMapper();
        KrogerResponses responses = new KrogerResponses(mapper, settings.clock());
        IssuedGrants grants = new IssuedGrants(settings);
        AccessGate gate = new AccessGate(grants, responses);
        HtmlPages pages = new HtmlPages();
        SandboxCatalog catalog = new SandboxCatalog(mapper);
        SandboxStores stores = new SandboxStores(mapper);
        SandboxCarts carts = new SandboxCarts();
        DailyQuotas quotas = new DailyQuotas(settings.dailyQuotas(), settings.clock());
        SandboxFaults faults = new SandboxFaults();

        SandboxContext context = new SandboxContext(settings, responses, grants, gate, pages, catalog, stores, carts,
                quotas, faults);

        ResourceConfig config = new ResourceConfig()
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .register(new AbstractBinder() {
                    @Override
                    protected void configure() {
                        bind(context).to(SandboxContext.class);
                    }
                })
                .register(new TrafficFilter(quotas, faults, responses))
                .registerClasses(AuthorizationResource.class, IdentityResource.class, ProductsResource.class,
                        LocationsResource.class, CartAddResource.class, SandboxOnlyResource.class);
        URI bindUri = URI.create("http://" + uriHost(settings.host()) + ":" + settings.port() + "/");
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(bindUri, false);
        DeferredJerseyHandler application = new DeferredJerseyHandler(config);
        server.getServerConfiguration().addHttpHandler(application, HttpHandlerRegistration.ROOT);
        try {
            server.start();
        } catch (IOException e) {
            server.shutdownNow();
            throw new UncheckedIOException("Kroger sandbox could not listen on " + settings.host() + ":" + settings.port(), e);
        }
        int port = server.getListeners().iterator().next().getPort();
        URI baseUri = URI.create("http://" + uriHost(settings.host()) + ":" + port);
        return new KrogerSandbox(server, application, baseUri, settings, faults);
    }

    /** Builds the web application now unless a request already has; returns once it can answer. */
    public void finishStarting() {
        application.build();
    }

    /** Scheme, host and port, without a trailing slash or {@code /v1}, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUri() {
        return baseUri;
    }

    public SandboxSettings settings() {
        return settings;
    }

    /** Arms faults (errors, delays) for the next calls to a Kroger path. */
    public SandboxFaults faults() {
        return faults;
    }

    /** The Kroger profile id a sandbox shopper gets when signing in with this username. */
    public static UUID profileIdOf(String username) {
        return ShopperProfiles.profileIdOf(ShopperProfiles.normalizeUsername(username)
                .orElseThrow(() -> new IllegalArgumentException("username must have 1 to "
                        + ShopperProfiles.MAX_USERNAME_LENGTH + " characters")));
    }

    /**
     * Stops listening at once and drops all state. Calls in flight are cut off: a graceful stop would wait for idle
     * keep-alive connections of test clients, and nothing in the sandbox needs to be saved.
     */
    @Override
    public void close() {
        server.shutdownNow();
    }

    private static String uriHost(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
