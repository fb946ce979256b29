package org.personalshopper.adapters.web.server;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.ServerConfiguration;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.personalshopper.adapters.web.WebSettings;

/**
 * The API on Grizzly, built the same way for the service and for the tests: few request threads (Grizzly's
 * workers, sized for the CPUs) with a bounded queue, a bounded pool of provider threads for the resource
 * methods that may wait on a provider and for bodies still arriving, a bound on how long a request body may
 * stall, and a guard in front of Jersey that answers malformed requests with a problem instead of Grizzly's
 * error page. See docs/adr/0010-request-and-provider-threads.md.
 */
public final class ShopperHttpServer {
    /** Requests that may wait for a request thread, per thread; beyond it Grizzly refuses the connection's work. */
    static final int QUEUED_PER_WORKER = 16;
    private static final String NAME = "shopper-http";

    private ShopperHttpServer() {
    }

    /**
     * A server for {@code app} on {@code bindUri}'s host and port (0: any free port), not started yet. Registers
     * the provider threads in {@code app} as the executor of its {@code @ManagedAsync} methods.
     */
    public static HttpServer create(URI bindUri, ResourceConfig app, WebSettings settings) {
        ProviderThreads providerThreads = new ProviderThreads(settings.providerThreads());
        app.register(providerThreads.forJersey());
        GrizzlyHttpContainer jersey = ContainerFactory.createContainer(GrizzlyHttpContainer.class, app);
        HttpServer server = new HttpServer();
        NetworkListener listener = new NetworkListener(NAME, bindUri.getHost(), bindUri.getPort());
        TCPNIOTransport transport = listener.getTransport();
        int workers = settings.requestThreads();
        transport.setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                .setPoolName(NAME)
                .setCorePoolSize(workers)
                .setMaxPoolSize(workers)
                .setQueueLimit(workers * QUEUED_PER_WORKER));
        // A blocking read of a request body waits at most this long for the next bytes (Grizzly's default is
        // 30 s); BodyLimitFilter bounds the body as a whole.
        transport.setReadTimeout(settings.bodyTimeout().toMillis(), TimeUnit.MILLISECONDS);
        server.addListener(listener);

        ServerConfiguration config = server.getServerConfiguration();
        config.setPassTraceRequest(true); // TRACE goes to Jersey, which refuses it like any unknown method
        config.setDefaultQueryEncoding(StandardCharsets.UTF_8);
        config.setDefaultErrorPageGenerator(new ProblemErrorPages());
        config.addHttpHandler(new MalformedRequestGuard(jersey, providerThreads), HttpHandlerRegistration.ROOT);
        return server;
    }
}
