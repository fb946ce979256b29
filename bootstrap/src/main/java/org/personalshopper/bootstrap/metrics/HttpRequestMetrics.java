package org.personalshopper.bootstrap.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * {@code http_server_requests_seconds}: every request's latency by route (the matched path template, such
 * as {@code /api/selections/{id}}, never the raw path), method and status. Timers and routes are looked up
 * once and kept, so a request costs a map lookup and a histogram update.
 */
@PreMatching
public final class HttpRequestMetrics implements ContainerRequestFilter, ContainerResponseFilter {
    static final String NAME = "http.server.requests";
    /** A request no resource matched: 404, 405, or refused before routing. One value keeps the series few. */
    static final String UNMATCHED = "unmatched";
    private static final String STARTED = HttpRequestMetrics.class.getName() + ".started";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    private final MeterRegistry registry;
    private final ConcurrentMap<ResourceMethod, String> routes = new ConcurrentHashMap<>();
    private final ConcurrentMap<Series, Timer> timers = new ConcurrentHashMap<>();

    public HttpRequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    private record Series(String route, String method, int status) {
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(STARTED) instanceof Long started)) {
            return;
        }
        long nanos = System.nanoTime() - started;
        String method = METHODS.contains(request.getMethod()) ? request.getMethod() : "OTHER";
        Series series = new Series(route(request), method, response.getStatus());
        timers.computeIfAbsent(series, s -> ServiceMetrics.latency(NAME, "HTTP requests by route, method and status")
                .tag("route", s.route).tag("method", s.method).tag("status", String.valueOf(s.status))
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    private String route(ContainerRequestContext request) {
        if (!(request.getUriInfo() instanceof ExtendedUriInfo info) || info.getMatchedResourceMethod() == null) {
            return UNMATCHED;
        }
        return routes.computeIfAbsent(info.getMatchedResourceMethod(), m -> template(info.getMatchedTemplates()));
    }

    /** Jersey lists the matched templates from the method's up to the application's. */
    private static String template(List<UriTemplate> matched) {
        StringBuilder route = new StringBuilder();
        for (int i = matched.size() - 1; i >= 0; i--) {
            String part = matched.get(i).getTemplate();
            if (part.isEmpty() || part.equals("/")) {
                continue;
            }
            if (!part.startsWith("/")) {
                route.append('/');
            }
            route.append(part.endsWith("/") ? part.substring(0, part.length() - 1) : part);
        }
        return route.length() == 0 ? "/" : route.toString();
    }
}
