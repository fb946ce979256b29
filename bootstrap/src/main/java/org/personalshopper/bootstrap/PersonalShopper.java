package org.personalshopper.bootstrap;

import java.io.IOException;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.personalshopper.adapters.foodin.FoodinIdentityProvider;
import org.personalshopper.adapters.foodin.FoodinSettings;
import org.personalshopper.adapters.kroger.KrogerAdapters;
import org.personalshopper.adapters.llm.ChatCompletionsPicker;
import org.personalshopper.adapters.llm.LanguageModelSettings;
import org.personalshopper.adapters.kroger.KrogerSettings;
import org.personalshopper.sandbox.foodin.FoodinSandbox;
import org.personalshopper.sandbox.kroger.KrogerSandbox;
import org.personalshopper.adapters.persistence.DatabaseSettings;
import org.personalshopper.adapters.persistence.PostgresPersistence;
import org.personalshopper.adapters.persistence.TokenKeyMismatchException;
import org.personalshopper.adapters.persistence.TokenKeyRing;
import org.personalshopper.adapters.web.ShopperWebApp;
import org.personalshopper.adapters.web.WebSettings;
import org.personalshopper.adapters.web.metrics.MetricsEndpoint;
import org.personalshopper.application.service.CandidatePicking;
import org.personalshopper.adapters.web.server.ShopperHttpServer;
import org.personalshopper.application.port.out.ConfiguredProvider;
import org.personalshopper.application.service.ConfiguredProviders;
import org.personalshopper.bootstrap.metrics.HttpRequestMetrics;
import org.personalshopper.bootstrap.metrics.Metering;
import org.personalshopper.bootstrap.metrics.ServiceMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: builds every adapter and use case from the configuration, serves HTTP, and stops
 * everything in reverse order. The only place in the code base that wires.
 */
public final class PersonalShopper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PersonalShopper.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);
    /** Often, so sign-in attempts (anyone may start one) never pile up past their 10 minutes. */
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);

    private final Deque<AutoCloseable> stopInReverse;
    private final URI baseUri;
    private final Optional<KrogerSandbox> sandbox;
    private final Optional<FoodinSandbox> foodinSandbox;
    private boolean closed;

    private PersonalShopper(Deque<AutoCloseable> stopInReverse, URI baseUri, Optional<KrogerSandbox> sandbox,
                            Optional<FoodinSandbox> foodinSandbox) {
        this.stopInReverse = stopInReverse;
        this.baseUri = baseUri;
        this.sandbox = sandbox;
        this.foodinSandbox = foodinSandbox;
    }

    public static PersonalShopper start(Configuration config) {
        return start(config, List.of());
    }

    /**
     * Starts with {@code additionalProviders} configured after the ones the environment names: how a test
     * wires a provider that exists only in tests, proving a new provider needs no change to the core.
     */
    public static PersonalShopper start(Configuration config, List<ConfiguredProvider> additionalProviders) {
        long started = System.nanoTime();
        prepareTlsInBackground();
        // Three strands at once (docs/adr/0011-*): the database (start, schema check, key check) on one thread,
        // the providers (TLS context, HTTP clients, demo sandboxes) on another, and the web application on this
        // one, which waits for the use cases wired from the first two only before it opens the HTTP port.
        Deque<AutoCloseable> databaseResources = new ArrayDeque<>();
        Deque<AutoCloseable> providerResources = new ArrayDeque<>();
        CompletableFuture<PostgresPersistence> opening = onItsOwnThread("open-database", () -> openDatabase(config, databaseResources));
        CompletableFuture<Providers> providing = onItsOwnThread("providers", () -> providers(config, additionalProviders, providerResources));
        // Metrics only when someone may read them (SHOPPER_METRICS_TOKEN); off, nothing is recorded.
        Optional<ServiceMetrics> metrics = config.metricsToken().map(token -> new ServiceMetrics());
        CompletableFuture<UseCases> wiring = opening.thenCombine(providing, (persistence, providers) -> {
            metrics.ifPresent(m -> persistence.recordPoolMetrics(m.registry()));
            return UseCases.wire(config, persistence, new ConfiguredProviders(providers.configured()),
                    metrics.map(Metering::into).orElse(Metering.NONE), picking(config));
        });
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        metrics.ifPresent(resources::push);
        boolean adopted = false;
        try {
            WebSettings web = new WebSettings(config.publicOrigin(), config.secureCookies(),
                    config.sessionPolicy().absoluteTimeout())
                    .withBodyTimeout(config.capacity().bodyTimeout())
                    .withRequestThreads(config.capacity().requestThreads())
                    .withProviderThreads(config.capacity().providerThreads())
                    .withSignInLimits(config.signInLimits().perClient(), config.signInLimits().total());
            ResourceConfig app = ShopperWebApp.resourceConfig(web,
                    metrics.map(m -> MetricsEndpoint.on(config.metricsToken().orElseThrow(), m::scrape)).orElse(MetricsEndpoint.off()));
            // Jersey's check of the resource model (a seventh of its build) finds nothing new at a start: the model
            // is the same classes every time, and the web tests build it with the check on (a fatal finding fails them).
            app.property(ServerProperties.RESOURCE_VALIDATION_DISABLE, true);
            app.register(UseCases.binder(wiring));
            metrics.ifPresent(m -> app.register(new HttpRequestMetrics(m.registry())));
            URI bindUri = URI.create("http://" + config.bindAddress() + ":" + config.port() + "/");
            HttpServer server = ShopperHttpServer.create(bindUri, app, web);

            // Nothing listens before the database is open, its schema current and the use cases wired.
            UseCases useCases = joined(wiring);
            Providers providers = joined(providing);
            // Stopped in reverse: the server, housekeeping, the use cases, metrics, the sandboxes, then the
            // pool and last the embedded server.
            providerResources.forEach(resources::addLast);
            databaseResources.forEach(resources::addLast);
            adopted = true;
            resources.push(useCases);
            ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "housekeeping");
                thread.setDaemon(true);
                return thread;
            });
            resources.push(housekeeping::shutdownNow);
            server.start();
            resources.push(() -> stopAccepting(server));
            // From the start (its first run beside the first requests, not before them): a stop in the middle of
            // a cart add leaves it pending until settled.
            housekeeping.scheduleWithFixedDelay(useCases::settleAbandonedCartAdds, 0, 1, TimeUnit.MINUTES);
            housekeeping.scheduleWithFixedDelay(useCases::purgeExpired, 1, PURGE_INTERVAL.toMinutes(), TimeUnit.MINUTES);

            URI baseUri = URI.create("http://localhost:" + boundPort(server) + "/");
            LOG.info("Personal Shopper ready on {} in {} ms ({} database, providers: {})", baseUri,
                    (System.nanoTime() - started) / 1_000_000, config.database().isPresent() ? "external" : "embedded",
                    config.demoMode() ? "demo mode with the Kroger and Foodin sandboxes"
                            : String.join(", ", providers.configured().stream().map(p -> p.provider().name()).toList()));
            if (config.demoMode()) {
                finishStartingInBackground(providers.sandbox().orElseThrow(), providers.foodinSandbox().orElseThrow());
                LOG.info("Demo mode: open {} to sign in with the Kroger or the Foodin sandbox (no account needed)", baseUri);
            }
            return new PersonalShopper(resources, baseUri, providers.sandbox(), providers.foodinSandbox());
        } catch (RuntimeException | IOException e) {
            closeAll(resources);
            if (!adopted) {
                // Let both finish, so that what they started can be closed.
                awaitQuietly(opening);
                awaitQuietly(providing);
                closeAll(providerResources);
                closeAll(databaseResources);
            }
            // The web application waits for the wiring; when that failed, its failure is the one to tell.
            RuntimeException failure = wiring.isCompletedExceptionally() ? unwrapped(wiring) : null;
            if (failure != null) {
                throw failure;
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("could not start the HTTP server: " + e.getMessage(), e);
        }
    }

    /** The configured providers, in the order of GET /auth/providers, and the demo sandboxes they talk to. */
    private record Providers(List<ConfiguredProvider> configured, Optional<KrogerSandbox> sandbox,
                             Optional<FoodinSandbox> foodinSandbox) {
    }

    /**
     * Kroger first (the default sign-in), then Foodin, then {@code additional}. Building their HTTP clients waits
     * for the JDK's default TLS context (see {@link #prepareTlsInBackground()}), hence a thread of its own.
     */
    private static Providers providers(Configuration config, List<ConfiguredProvider> additional, Deque<AutoCloseable> resources) {
        Optional<KrogerSandbox> sandbox = Optional.empty();
        Optional<FoodinSandbox> foodinSandbox = Optional.empty();
        Optional<KrogerSettings> kroger = config.provider().map(credentials -> KrogerSettings.of(config.krogerApiBaseUrl(),
                credentials.clientId(), credentials.clientSecret(), config.redirectUri(), config.scopes(), config.pkce()));
        Optional<FoodinSettings> foodin = config.foodin();
        if (config.demoMode()) {
            KrogerSandbox demo = DemoMode.startSandbox(config);
            resources.push(demo);
            sandbox = Optional.of(demo);
            kroger = Optional.of(DemoMode.krogerSettings(config, demo));
            FoodinSandbox foodinDemo = FoodinDemoMode.startSandbox(config);
            resources.push(foodinDemo);
            foodinSandbox = Optional.of(foodinDemo);
            foodin = Optional.of(FoodinDemoMode.foodinSettings(config, foodinDemo));
        }
        List<ConfiguredProvider> providers = new ArrayList<>();
        kroger.map(KrogerAdapters::create).ifPresent(adapters -> providers.add(new ConfiguredProvider(
                adapters.identityProvider(), Optional.of(adapters.productCatalog()), Optional.of(adapters.storeDirectory()),
                Optional.of(adapters.cart()))));
        foodin.map(FoodinIdentityProvider::create).ifPresent(identity -> providers.add(ConfiguredProvider.signInOnly(identity)));
        providers.addAll(additional);
        return new Providers(List.copyOf(providers), sandbox, foodinSandbox);
    }

    /** {@code task} on a new thread of that name, which ends with it. */
    private static <T> CompletableFuture<T> onItsOwnThread(String name, Supplier<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(task.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, name);
        thread.start();
        return result;
    }

    /**
     * The JDK's default TLS context, which every provider HTTP client is built with: loading it parses the trust
     * store's certificates, a fifth of the main thread's start-up when done there. Built on its own thread from the
     * start, it is ready (or nearly) when the first client asks for it; a client that asks earlier waits for it.
     */
    private static void prepareTlsInBackground() {
        Thread thread = new Thread(() -> {
            try {
                SSLContext.getDefault();
            } catch (NoSuchAlgorithmException | RuntimeException e) {
                LOG.debug("the default TLS context could not be prepared ahead: {}", e.toString()); // the client says why
            }
        }, "tls-setup");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The sandboxes listen from the start but build their web applications (a third of a demo start when done
     * before ready) only now, after the service is ready; a sign-in that reaches one first waits for it.
     */
    private static void finishStartingInBackground(KrogerSandbox kroger, FoodinSandbox foodin) {
        Thread thread = new Thread(() -> {
            try {
                kroger.finishStarting();
                foodin.finishStarting();
            } catch (RuntimeException e) {
                LOG.warn("a demo sandbox did not finish starting: {}", e.toString());
            }
        }, "sandbox-start");
        thread.setDaemon(true);
        thread.start();
    }

    /** The result of {@code future}, or what stopped it, as thrown on the thread that ran it. */
    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException | CancellationException e) {
            throw unwrapped(future);
        }
    }

    /** What {@code failed} failed with, as thrown: a runtime exception or error as it was, anything else wrapped. */
    private static RuntimeException unwrapped(CompletableFuture<?> failed) {
        try {
            failed.join();
            throw new IllegalStateException("not failed");
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof RuntimeException runtime) {
                return runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            return new IllegalStateException("start-up failed: " + cause, cause);
        } catch (CancellationException e) {
            return e;
        }
    }

    /** Lets a task still running finish, so that what it started can be closed. */
    private static void awaitQuietly(CompletableFuture<?> task) {
        try {
            task.join();
        } catch (CompletionException | CancellationException e) {
            // already reported, or about to be: the start-up fails either way
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
            settings = new DatabaseSettings(external.jdbcUrl(), external.user(), external.password(), Optional.empty(),
                    config.capacity().databaseConnections(), config.rememberSessions());
            tokenKey = config.tokenKey().orElseThrow();
        } else {
            EmbeddedDatabase embedded = EmbeddedDatabase.start(config.dataDir());
            resources.push(embedded);
            settings = new DatabaseSettings(embedded.jdbcUrl(), Optional.of(embedded.user()), Optional.of(embedded.password()),
                    Optional.empty(), config.capacity().databaseConnections(), config.rememberSessions());
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

    /** The Foodin sandbox, in demo mode. */
    public Optional<FoodinSandbox> foodinSandbox() {
        return foodinSandbox;
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
