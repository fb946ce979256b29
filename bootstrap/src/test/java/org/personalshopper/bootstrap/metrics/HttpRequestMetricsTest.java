package org.personalshopper.bootstrap.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/** An operator reads request latency by route template, method and status, whatever path a client sent. */
class HttpRequestMetricsTest {
    @Path("/api/things")
    public static class Things {
        @GET
        @Path("{id}")
        public String one(@PathParam("id") String id) {
            return id;
        }

        @POST
        public Response add() {
            return Response.status(201).build();
        }

        @GET
        @Path("teapot")
        public Response teapot() {
            return Response.status(418).build();
        }

        @GET
        @Path("odd")
        public Response odd() {
            return Response.status(799).build();
        }
    }

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ApplicationHandler app = new ApplicationHandler(
            new ResourceConfig(Things.class).register(new HttpRequestMetrics(registry)));

    private int call(String method, String path) {
        ContainerRequest request = new ContainerRequest(URI.create("http://localhost/"), URI.create("http://localhost" + path),
                method, null, new MapPropertiesDelegate(), null);
        try {
            return app.apply(request).get().getStatus();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private long count(String route, String method, String status) {
        Timer timer = registry.find(HttpRequestMetrics.NAME).tags("route", route, "method", method, "status", status).timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void requestsToOneRouteAreCountedTogetherUnderItsTemplateNeverTheirPaths() {
        call("GET", "/api/things/a1");
        call("GET", "/api/things/b2");
        call("GET", "/api/things/c3");

        assertThat(count("/api/things/{id}", "GET", "200")).isEqualTo(3);
        assertThat(registry.getMeters()).noneMatch(m -> m.getId().getTag("route") != null
                && m.getId().getTag("route").contains("a1"));
    }

    @Test
    void methodAndStatusEachMakeTheirOwnSeries() {
        call("POST", "/api/things");
        call("GET", "/api/things/teapot");
        call("HEAD", "/api/things/x");
        call("GET", "/api/things/odd");

        assertThat(count("/api/things", "POST", "201")).isEqualTo(1);
        assertThat(count("/api/things/teapot", "GET", "418")).isEqualTo(1);
        assertThat(count("/api/things/{id}", "HEAD", "200")).isEqualTo(1);
        assertThat(count("/api/things/{id}", "GET", "200")).isZero();
        assertThat(count("/api/things/odd", "GET", "799")).isEqualTo(1);
    }

    @Test
    void requestsNoResourceMatchedShareOneRouteAndUnknownMethodsOneMethod() {
        call("GET", "/nowhere/1");
        call("GET", "/nowhere/2");
        call("BREW", "/api/things");

        assertThat(count(HttpRequestMetrics.UNMATCHED, "GET", "404")).isEqualTo(2);
        assertThat(count(HttpRequestMetrics.UNMATCHED, "OTHER", "405")).isEqualTo(1);
    }
}
