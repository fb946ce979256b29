package org.personalshopper.adapters.web.resource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.personalshopper.adapters.web.metrics.MetricsEndpoint;
import org.personalshopper.adapters.web.problem.Problem;
import org.personalshopper.adapters.web.problem.ProblemType;

/**
 * Prometheus metrics (docs/metrics.md) for a scraper holding SHOPPER_METRICS_TOKEN: request counts and
 * latencies, provider calls, sign-ins and the JVM say how busy the service is, so they are not public.
 */
@Path("/metrics")
@Singleton
public class MetricsResource {
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final MetricsEndpoint endpoint;

    @Inject
    public MetricsResource(MetricsEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @GET
    @Produces({PROMETHEUS_TEXT, "application/problem+json"})
    public Response metrics(@HeaderParam("Authorization") String authorization) {
        if (!endpoint.enabled()) {
            return Problem.of(ProblemType.NOT_FOUND, 404, "Not found",
                    "metrics are off: set SHOPPER_METRICS_TOKEN to serve them").response();
        }
        if (!endpoint.allows(authorization)) {
            return Problem.of(ProblemType.UNAUTHENTICATED, 401, "Metrics need the metrics token",
                    "send Authorization: Bearer with the value of SHOPPER_METRICS_TOKEN").builder()
                    .header("WWW-Authenticate", "Bearer realm=\"metrics\"").build();
        }
        return Response.ok(endpoint.scrape(), PROMETHEUS_TEXT).build();
    }
}
