package org.personalshopper.adapters.web.server;

import java.util.UUID;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;
import org.personalshopper.adapters.web.problem.Problem;
import org.personalshopper.adapters.web.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For the errors Grizzly answers by itself, outside any handler: a problem body with an incident id
 * instead of its HTML page with a stack trace. (Grizzly still labels it text/html; the guard in front of
 * Jersey answers everything it can with the right media type before Grizzly has to.)
 */
final class ProblemErrorPages implements ErrorPageGenerator {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorPages.class);

    @Override
    public String generate(Request request, int status, String reasonPhrase, String description, Throwable exception) {
        String incident = UUID.randomUUID().toString();
        if (exception != null) {
            LOG.error("incident {}: HTTP {} from the server itself", incident, status, exception);
        } else {
            LOG.warn("incident {}: HTTP {} from the server itself", incident, status);
        }
        ProblemType type = status >= 500 ? ProblemType.INTERNAL : ProblemType.MALFORMED_REQUEST;
        String detail = status >= 500 ? "something went wrong on our side; quote the incident id if you report it"
                : "the request is not valid HTTP; nothing was done";
        return ProblemAnswers.json(Problem.of(type, status, status >= 500 ? "Internal error" : "Malformed request", detail)
                .with("incidentId", incident));
    }
}
