package org.personalshopper.sandbox.foodin;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.personalshopper.sandbox.support.DeferredJerseyHandler;

/**
 * A local emulator of Foodin Connect's OAuth endpoints ({@code /oauth/authorize}, {@code /oauth/token}) on an
 * in-process Grizzly server, all state in memory. It lets a newcomer run the service with no Foodin application and
 * gives tests a Foodin to talk to. See docs/sandbox.md.
 *
 * <pre>{@code
 * try (FoodinSandbox foodin = FoodinSandbox.start(FoodinSandboxSettings.defaults())) {
 *     URI token = foodin.baseUri().resolve("/oauth/token");
 * }
 * }</pre>
 */
public final class FoodinSandbox implements AutoCloseable {

    private final HttpServer server;
    private final URI baseUri;
    private final FoodinSandboxSettings settings;
    private final SandboxContext context;
    private final DeferredJerseyHandler application;

    private FoodinSandbox(HttpServer server, DeferredJerseyHandler application, URI baseUri, SandboxContext context) {
        this.server = server;
        this.application = application;
        this.baseUri = baseUri;
        this.settings = context.settings();
        this.context = context;
    }

    /** Starts the sandbox and returns once it is listening. Port 0 picks any free port; see {@link #baseUri()}. */
    public static FoodinSandbox start(FoodinSandboxSettings settings) {
        FoodinSandbox sandbox = listen(settings);
        sandbox.finishStarting();
        return sandbox;
    }

    /**
     * Listens at once but builds the sandbox's web application (most of its start) only on the first request
     * or at {@link #finishStarting()}, whichever comes first; a request that comes first waits for it. How demo
     * mode starts the sandbox without delaying the service's own start.
     */
    public static FoodinSandbox listen(FoodinSandboxSettings settings) {
        Objects.requireNonNull(settings, "settings");
        SandboxContext context = new SandboxContext(settings, new OAuthErrors(new ObjectMapper()),
                new IssuedGrants(settings), new HtmlPages(), new AtomicInteger());
        ResourceConfig config = new ResourceConfig()
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .register(new AbstractBinder() {
                    @Override
                    protected void configure() {
                        bind(context).to(SandboxContext.class);
                    }
                })
                .registerClasses(AuthorizationResource.class, SandboxOnlyResource.class);
        URI bindUri = URI.create("http://" + uriHost(settings.host()) + ":" + settings.port() + "/");
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(bindUri, false);
        DeferredJerseyHandler application = new DeferredJerseyHandler(config);
        server.getServerConfiguration().addHttpHandler(application, HttpHandlerRegistration.ROOT);
        try {
            server.start();
        } catch (IOException e) {
            server.shutdownNow();
            throw new UncheckedIOException("Foodin sandbox could not listen on " + settings.host() + ":" + settings.port(), e);
        }
        int port = server.getListeners().iterator().next().getPort();
        return new FoodinSandbox(server, application, URI.create("http://" + uriHost(settings.host()) + ":" + port), context);
    }

    /** Builds the web application now unless a request already has; returns once it can answer. */
    public void finishStarting() {
        application.build();
    }

    /** Scheme, host and port without a trailing slash, e.g. {@code http://127.0.0.1:41234}: Foodin's base URL. */
    public URI baseUri() {
        return baseUri;
    }

    public FoodinSandboxSettings settings() {
        return settings;
    }

    /** The Foodin user id a sandbox user gets when connecting with this e-mail address. */
    public static String userIdOf(String email) {
        return FoodinUsers.userIdOf(FoodinUsers.normalizeEmail(email)
                .orElseThrow(() -> new IllegalArgumentException("not an e-mail address")));
    }

    /** Whether this access token is still valid: issued here, not expired, not revoked. Sandbox only. */
    public boolean isAccessTokenActive(String accessToken) {
        return context.grants().active(accessToken).isPresent();
    }

    /** How many calls reached {@code /oauth/token} since the start, failed ones included. Sandbox only. */
    public int tokenEndpointCalls() {
        return context.tokenCalls().get();
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
