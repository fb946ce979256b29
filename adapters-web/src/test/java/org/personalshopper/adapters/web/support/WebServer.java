package org.personalshopper.adapters.web.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.personalshopper.adapters.web.ShopperWebApp;
import org.personalshopper.adapters.web.WebSettings;
import org.personalshopper.adapters.web.server.ShopperHttpServer;
import org.personalshopper.adapters.web.session.SessionCookies;
import org.personalshopper.application.port.in.AuthenticateShopper;
import org.personalshopper.application.port.in.CheckReadiness;
import org.personalshopper.application.port.in.ChooseProductForItem;
import org.personalshopper.application.port.in.ManageShoppingLists;
import org.personalshopper.application.port.in.PlanShoppingList;
import org.personalshopper.application.port.in.SendListToCart;
import org.personalshopper.application.port.in.ChoosePreferredStore;
import org.personalshopper.application.port.in.FillCart;
import org.personalshopper.application.port.in.FindStores;
import org.personalshopper.application.port.in.ManageGuidance;
import org.personalshopper.application.port.in.ManageSelections;
import org.personalshopper.application.port.in.SearchProducts;
import org.personalshopper.application.port.in.ViewShopper;

/**
 * The web adapter on an in-process Grizzly at a free port, wired the way the bootstrap wires it (an HK2
 * binder for the use cases), with fakes behind it; and an HTTP/1.1 client that never follows redirects.
 *
 * <p>Also the JUnit 5 extension for its own lifecycle: a test class declares
 * {@code @RegisterExtension final WebServer web = WebServer.standard();} (with
 * {@code @TestInstance(PER_CLASS)}), and gets fresh fakes before each test and the server stopped after
 * the class. Standalone use ({@code try (WebServer w = ...)}) closes it itself.
 *
 * <p>After each test it checks that every use case that may call a provider ran on the provider threads:
 * so every test driving an endpoint also fails when its resource method is not {@code @ManagedAsync}.
 */
public final class WebServer implements AutoCloseable, BeforeEachCallback, AfterEachCallback, AfterAllCallback {
    public static final String ORIGIN = "https://shop.example";

    public final FakeUseCases fakes = new FakeUseCases();
    public final FakeListUseCases lists = new FakeListUseCases(fakes.providerCalls);
    private final HttpServer server;
    private final URI base;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public WebServer(WebSettings settings) {
        ResourceConfig config = ShopperWebApp.resourceConfig(settings);
        config.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(fakes.auth).to(AuthenticateShopper.class);
                bind(fakes.shoppers).to(ViewShopper.class);
                bind(fakes.providers).to(org.personalshopper.application.port.in.ListProviders.class);
                bind(fakes.connections).to(org.personalshopper.application.port.in.ManageConnections.class);
                bind(fakes.shoppers).to(ChoosePreferredStore.class);
                bind(fakes.guidanceBook).to(ManageGuidance.class);
                bind(fakes.selectionBook).to(ManageSelections.class);
                bind(fakes.catalog).to(SearchProducts.class);
                bind(fakes.catalog).to(FindStores.class);
                bind(fakes.cart).to(FillCart.class);
                bind(fakes.readiness).to(CheckReadiness.class);
                bind(lists).to(ManageShoppingLists.class);
                bind(lists).to(PlanShoppingList.class);
                bind(lists).to(ChooseProductForItem.class);
                bind(lists).to(SendListToCart.class);
            }
        });
        server = ShopperHttpServer.create(URI.create("http://127.0.0.1:0/"), config, settings);
        try {
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        NetworkListener listener = server.getListeners().iterator().next();
        base = URI.create("http://127.0.0.1:" + listener.getPort());
    }

    /**
     * Secure cookies, origin {@link #ORIGIN}, sessions of 30 days, the default 64 KiB body limit, and sign-in
     * limits high enough that tests starting many sign-ins from one address are not cut off.
     */
    public static WebServer standard() {
        return new WebServer(new WebSettings(URI.create(ORIGIN), true, Duration.ofDays(30)).withSignInLimits(100_000, 100_000));
    }

    public URI uri(String pathAndQuery) {
        return base.resolve(pathAndQuery);
    }

    public HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(20));
    }

    /** With the signed-in shopper's session cookie. */
    public HttpRequest.Builder signedIn(String pathAndQuery) {
        return request(pathAndQuery).header("Cookie", SessionCookies.HOST_SESSION + "=" + FakeUseCases.SESSION);
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path) {
        return send(signedIn(path).GET().build());
    }

    /** A JSON request with the session cookie. */
    public HttpResponse<String> json(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder builder = signedIn(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        return send(builder.build());
    }

    public HttpResponse<String> json(String method, String path, String body) {
        return json(method, path, body, Map.of());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        fakes.reset();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!fakes.providerCalls.offProviderThreads().isEmpty()) {
            throw new AssertionError("use cases that may call a provider ran on a request thread (not @ManagedAsync?): "
                    + fakes.providerCalls.offProviderThreads());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
