package org.personalshopper.sandbox.kroger;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import org.personalshopper.sandbox.kroger.SandboxFaults.Fault;

/**
 * Runs before any Kroger path: counts the call against its API's daily quota (429 past it), then applies an armed
 * fault (delay, error status). Sandbox-only paths are never counted or faulted.
 */
@PreMatching
@Priority(100)
final class TrafficFilter implements ContainerRequestFilter {

    private final DailyQuotas quotas;
    private final SandboxFaults faults;
    private final KrogerResponses responses;

    TrafficFilter(DailyQuotas quotas, SandboxFaults faults, KrogerResponses responses) {
        this.quotas = quotas;
        this.faults = faults;
        this.responses = responses;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = "/" + request.getUriInfo().getPath(true);
        if (!path.startsWith("/v1/")) {
            return;
        }
        Optional<KrogerApi> api = KrogerApi.forPath(path);
        if (api.isPresent()) {
            Optional<Duration> resetIn = quotas.count(api.get());
            if (resetIn.isPresent()) {
                // Kroger's 429 body and headers are unconfirmed; Retry-After tells a client the window's end.
                request.abortWith(Response.fromResponse(responses.apiErrorResponse(429, "API-4290-429",
                                "Daily quota of " + api.get().usageName() + " calls exhausted"))
                        .header("Retry-After", Math.max(1, resetIn.get().toSeconds())).build());
                return;
            }
        }
        Optional<Fault> fault = faults.takeFor(path);
        if (fault.isEmpty()) {
            return;
        }
        if (!fault.get().delay().isZero()) {
            try {
                Thread.sleep(fault.get().delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (fault.get().status().isPresent()) {
            int status = fault.get().status().getAsInt();
            request.abortWith(faultResponse(path, api, status));
        }
    }

    private Response faultResponse(String path, Optional<KrogerApi> api, int status) {
        String reason = switch (status) {
            case 500 -> "Internal server error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Injected fault";
        };
        String prefix = api.map(KrogerApi::errorCodePrefix).orElse(path.startsWith("/v1/connect/") ? "Auth" : "API");
        return responses.apiErrorResponse(status, prefix + "-4" + String.format("%03d", status % 1000) + "-" + status, reason);
    }
}
