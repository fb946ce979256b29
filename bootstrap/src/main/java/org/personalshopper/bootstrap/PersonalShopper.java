package org.personalshopper.bootstrap;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.jersey.server.ResourceConfig;
import org.personalshopper.adapters.kroger.KrogerAdapters;
import org.personalshopper.adapters.llm.ChatCompletionsPicker;
import org.personalshopper.adapters.llm.LanguageModelSettings;
import org.personalshopper.adapters.kroger.KrogerSettings;
import org.personalshopper.sandbox.kroger.KrogerSandbox;
import org.personalshopper.sandbox.kroger.SandboxSettings;
import org.personalshopper.adapters.persistence.DatabaseSettings;
import org.personalshopper.adapters.persistence.PostgresPersistence;
import org.personalshopper.adapters.persistence.TokenKeyMismatchException;
import org.personalshopper.adapters.persistence.TokenKeyRing;
import org.personalshopper.adapters.web.ShopperWebApp;
import org.personalshopper.adapters.web.WebSettings;
import org.personalshopper.application.service.CandidatePicking;
import org.personalshopper.adapters.web.server.ShopperHttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: builds every adapter and use case from the configuration, serves HTTP, and stops
 * everything in reverse order. The only place in the code base that wires.
 */
public final class PersonalShopper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PersonalShopper.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);
    private static final Duration PURGE_INTERVAL = Duration.ofHours(1);

    private final Deque<AutoCloseable> stopInReverse;
    private final URI baseUri;
    private final Optional<KrogerSandbox> sandbox;
    private boolean closed;

    private PersonalShopper(Deque<AutoCloseable> stopInReverse, URI baseUri, Optional<KrogerSandbox> sandbox) {
        this.stopInReverse = stopInReverse;
        this.baseUri = baseUri;
        this.sandbox = sandbox;
    }

    public static PersonalShopper start(Configuration config) {
        long started = System.nanoTime();
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            PostgresPersistence persistence = openDatabase(config, resources);

            Optional<KrogerSandbox> sandbox = Optional.empty();
            KrogerSettings kroger;
            if (config.demoMode()) {
                KrogerSandbox demo = DemoMode.startSandbox(config);
                resources.push(demo);
                sandbox = Optional.of(demo);
                kroger = DemoMode.krogerSettings(config, demo);
            } else {
                Configuration.ProviderCredentials credentials = config.provider().orElseThrow();
                kroger = KrogerSettings.of(config.krogerApiBaseUrl(), credentials.clientId(), credentials.clientSecret(),
                        config.redirectUri(), config.scopes(), config.pkce());
            }
            KrogerAdapters grocer = KrogerAdapters.create(kroger);

            UseCases useCases = UseCases.wire(config, persistence, grocer, picking(config));
            resources.push(useCases);
            ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "housekeeping");
                thread.setDaemon(true);
                return thread;
            });
            housekeeping.scheduleWithFixedDelay(useCases::purgeExpired, 1, PURGE_INTERVAL.toMinutes(), TimeUnit.MINUTES);
            // From the start: a stop in the middle of a cart add leaves it pending until settled.
            housekeeping.scheduleWithFixedDelay(useCases::settleAbandonedCartAdds, 0, 1, TimeUnit.MINUTES);
            resources.push(housekeeping::shutdownNow);

            WebSettings web = new WebSettings(config.publicOrigin(), config.secureCookies(),
                    config.sessionPolicy().absoluteTimeout())
                    .withBodyTimeout(config.capacity().bodyTimeout())
                    .withWorkerThreads(config.capacity().httpWorkers());
            ResourceConfig app = ShopperWebApp.resourceConfig(web);
            app.register(useCases.binder());
            URI bindUri = URI.create("http://" + config.bindAddress() + ":" + config.port() + "/");
            HttpServer server = ShopperHttpServer.create(bindUri, app, web);
            server.start();
            resources.push(() -> stopAccepting(server));

            URI baseUri = URI.create("http://localhost:" + boundPort(server) + "/");
            LOG.info("Personal Shopper ready on {} in {} ms ({} database, {})", baseUri,
                    (System.nanoTime() - started) / 1_000_000, config.database().isPresent() ? "external" : "embedded",
                    config.demoMode() ? "demo mode with the Kroger sandbox" : "Kroger at " + config.krogerApiBaseUrl());
            if (config.demoMode()) {
                LOG.info("Demo mode: open {} to sign in with the Kroger sandbox (no Kroger account needed)", baseUri);
            }
            return new PersonalShopper(resources, baseUri, sandbox);
        } catch (RuntimeException | IOException e) {
            closeAll(resources);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("could not start the HTTP server: " + e.getMessage(), e);
        }
    }

    /** The rules alone, or re-ranked by the language model when one is configured (off by default). */
    private static CandidatePicking picking(Configuration config) {
        return config.planning().languageModel().map(model -> {
            LOG.info("List plans are re-ranked by the language model {} at {}", model.model(), model.baseUrl());
            return CandidatePicking.with(new ChatCompletionsPicker(
                    new LanguageModelSettings(model.baseUrl(), model.model(), model.apiKey(), model.timeout())));
        }).orElseGet(CandidatePicking::rulesOnly);
    }

    private static PostgresPersistence openDatabase(Configuration config, Deque<AutoCloseable> resources) {
        DatabaseSettings settings;
        String tokenKey;
        if (config.database().isPresent()) {
            Configuration.ExternalDatabase external = config.database().get();
            settings = new DatabaseSettings(external.jdbcUrl(), external.user(), external.password(), Optional.empty(), config.capacity().databaseConnections());
            tokenKey = config.tokenKey().orElseThrow();
        } else {
            EmbeddedDatabase embedded = EmbeddedDatabase.start(config.dataDir());
            resources.push(embedded);
            settings = new DatabaseSettings(embedded.jdbcUrl(), Optional.empty(), Optional.empty(), Optional.empty(), config.capacity().databaseConnections());
            tokenKey = config.tokenKey().orElseGet(() -> TokenKeyFile.loadOrCreate(config.dataDir()));
        }
        PostgresPersistence persistence;
        try {
            persistence = PostgresPersistence.open(settings, TokenKeyRing.fromBase64(tokenKey, config.previousTokenKeys()));
        } catch (TokenKeyMismatchException e) {
            throw new ConfigurationException("SHOPPER_TOKEN_KEY: " + e.getMessage());
        }
        resources.push(persistence);
        return persistence;
    }

    /** Stops accepting connections and waits for requests in flight, then closes what is left. */
    private static void stopAccepting(HttpServer server) {
        try {
            server.shutdown(SHUTDOWN_GRACE.toSeconds(), TimeUnit.SECONDS).get(SHUTDOWN_GRACE.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("requests still in flight after {} s; closing anyway", SHUTDOWN_GRACE.toSeconds());
        } finally {
            server.shutdownNow();
        }
    }

    private static int boundPort(HttpServer server) {
        for (NetworkListener listener : server.getListeners()) {
            return listener.getPort();
        }
        throw new IllegalStateException("the HTTP server has no listener");
    }

    /** Where the service answers, e.g. {@code http://localhost:8080/}. */
    public URI baseUri() {
        return baseUri;
    }

    /** The Kroger sandbox, in demo mode. */
    public Optional<KrogerSandbox> sandbox() {
        return sandbox;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeAll(stopInReverse);
        LOG.info("Personal Shopper stopped");
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("while stopping: {}", e.toString());
            }
        }
    }
}
