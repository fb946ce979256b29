package org.personalshopper.bootstrap.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * {@code http_server_requests_seconds}: every request's latency by route (the matched path template, such
 * as {@code /api/selections/{id}}, never the raw path), method and status. Each route keeps its timers in
 * a table indexed by method and status, found through the matched resource method, so a request costs
 * one identity-keyed lookup, two array reads and a histogram update, and allocates nothing.
 */
@PreMatching
public final class HttpRequestMetrics implements ContainerRequestFilter, ContainerResponseFilter {
    static final String NAME = "http.server.requests";
    /** A request no resource matched: 404, 405, or refused before routing. One value keeps the series few. */
    static final String UNMATCHED = "unmatched";
    private static final String STARTED = HttpRequestMetrics.class.getName() + ".started";
    /** The method tag's values; any other method is told as OTHER, the last. */
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "OTHER");
    private static final int LOWEST_STATUS = 100;
    private static final int STATUSES = 500; // 100..599 in the table; any other status in a map

    private final MeterRegistry registry;
    private final ConcurrentMap<ResourceMethod, Route> routes = new ConcurrentHashMap<>();
    private final Route unmatched;

    public HttpRequestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.unmatched = new Route(UNMATCHED);
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
        route(request).timer(method(request.getMethod()), response.getStatus()).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Route route(ContainerRequestContext request) {
        if (!(request.getUriInfo() instanceof ExtendedUriInfo info)) {
            return unmatched;
        }
        ResourceMethod matched = info.getMatchedResourceMethod();
        if (matched == null) {
            return unmatched;
        }
        Route route = routes.get(matched);
        return route != null ? route : routes.computeIfAbsent(matched, m -> new Route(template(info.getMatchedTemplates())));
    }

    private static int method(String method) {
        return switch (method) {
            case "GET" -> 0;
            case "HEAD" -> 1;
            case "POST" -> 2;
            case "PUT" -> 3;
            case "DELETE" -> 4;
            case "PATCH" -> 5;
            case "OPTIONS" -> 6;
            default -> 7;
        };
    }

    /** One route's timers by method and status, registered when first needed. */
    private final class Route {
        private final String route;
        private final AtomicReferenceArray<AtomicReferenceArray<Timer>> byMethod = new AtomicReferenceArray<>(METHODS.size());
        /** Statuses outside 100..599 (Jersey allows any three digits): rare, so a map is fine. */
        private final ConcurrentMap<Long, Timer> odd = new ConcurrentHashMap<>();

        Route(String route) {
            this.route = route;
        }

        Timer timer(int method, int status) {
            int index = status - LOWEST_STATUS;
            if (index < 0 || index >= STATUSES) {
                return odd.computeIfAbsent((long) method << 32 | (status & 0xffffffffL), k -> register(method, status));
            }
            AtomicReferenceArray<Timer> statuses = byMethod.get(method);
            if (statuses == null) {
                byMethod.compareAndSet(method, null, new AtomicReferenceArray<>(STATUSES));
                statuses = byMethod.get(method);
            }
            Timer timer = statuses.get(index);
            if (timer == null) {
                // The registry hands out one timer per series, so two threads racing here get the same one.
                timer = register(method, status);
                statuses.set(index, timer);
            }
            return timer;
        }

        private Timer register(int method, int status) {
            return ServiceMetrics.latency(NAME, "HTTP requests by route, method and status")
                    .tag("route", route).tag("method", METHODS.get(method)).tag("status", String.valueOf(status))
                    .register(registry);
        }
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
