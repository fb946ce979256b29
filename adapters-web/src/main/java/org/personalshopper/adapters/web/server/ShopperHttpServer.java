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
 * The API on Grizzly, built the same way for the service and for the tests: a worker pool sized for
 * blocking work with a bounded queue, a bound on how long a request body may stall, and a guard in front
 * of Jersey that answers malformed requests with a problem instead of Grizzly's error page.
 * See docs/adr/0005-concurrency-model.md.
 */
public final class ShopperHttpServer {
    /** Requests that may wait for a worker, per worker; beyond it Grizzly refuses the connection's work. */
    static final int QUEUED_PER_WORKER = 16;
    private static final String NAME = "shopper-http";

    private ShopperHttpServer() {
    }

    /** A server for {@code app} on {@code bindUri}'s host and port (0: any free port), not started yet. */
    public static HttpServer create(URI bindUri, ResourceConfig app, WebSettings settings) {
        GrizzlyHttpContainer jersey = ContainerFactory.createContainer(GrizzlyHttpContainer.class, app);
        HttpServer server = new HttpServer();
        NetworkListener listener = new NetworkListener(NAME, bindUri.getHost(), bindUri.getPort());
        TCPNIOTransport transport = listener.getTransport();
        int workers = settings.workerThreads();
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
        config.addHttpHandler(new MalformedRequestGuard(jersey), HttpHandlerRegistration.ROOT);
        return server;
    }
}
