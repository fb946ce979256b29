package org.personalshopper.sandbox.support;

import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainerProvider;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * Serves a sandbox's Jersey application, built once: on the first request, or earlier when asked
 * ({@link #build()}). Building a Jersey application is most of a sandbox's start, so a service can listen
 * on the sandbox's port at once and build it after it is ready itself; a request that comes first waits.
 */
public final class DeferredJerseyHandler extends HttpHandler {
    private final ResourceConfig config;
    private volatile GrizzlyHttpContainer container;
    private boolean destroyed;

    public DeferredJerseyHandler(ResourceConfig config) {
        this.config = config;
    }

    /** Builds the application unless built already. */
    public GrizzlyHttpContainer build() {
        GrizzlyHttpContainer built = container;
        if (built != null) {
            return built;
        }
        synchronized (this) {
            if (container == null) {
                if (destroyed) {
                    throw new IllegalStateException("the sandbox is stopped");
                }
                GrizzlyHttpContainer created = new GrizzlyHttpContainerProvider().createContainer(GrizzlyHttpContainer.class, config);
                created.start(); // what the HTTP server does for a handler registered before it starts
                container = created;
            }
            return container;
        }
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        build().service(request, response);
    }

    @Override
    public synchronized void destroy() {
        destroyed = true;
        if (container != null) {
            container.destroy();
        }
    }
}
