package org.personalshopper.adapters.web.resource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.personalshopper.adapters.web.problem.Problem;
import org.personalshopper.adapters.web.problem.ProblemType;
import org.personalshopper.application.port.in.CheckReadiness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Probes for an orchestrator: live while the process serves, ready while the database answers. */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public class HealthResource {
    private static final Logger log = LoggerFactory.getLogger(HealthResource.class);
    private final CheckReadiness readiness;

    @Inject
    public HealthResource(CheckReadiness readiness) {
        this.readiness = readiness;
    }

    public record Status(String status) {
    }

    @GET
    @Path("live")
    public Status live() {
        return new Status("live");
    }

    @GET
    @Path("ready")
    public Response ready() {
        boolean ready;
        try {
            ready = readiness.ready();
        } catch (RuntimeException e) {
            log.warn("readiness check failed: {}", e.getClass().getSimpleName());
            ready = false;
        }
        if (ready) {
            return Response.ok(new Status("ready")).build();
        }
        return Problem.of(ProblemType.NOT_READY, 503, "Not ready", "the database does not answer yet")
                .retryAfter(Duration.ofSeconds(5)).response();
    }
}
