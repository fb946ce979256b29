package org.personalshopper.adapters.web.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.UUID;
import org.glassfish.grizzly.http.Protocol;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.personalshopper.adapters.web.problem.Problem;
import org.personalshopper.adapters.web.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In front of Jersey: a request whose target or Host cannot be a URI never reaches it (Jersey would fail
 * building the request URI, and Grizzly would answer with its HTML page: a stack trace, its name and
 * the URI reflected). Such a request gets a 400 problem with an incident id, logged with the reason but
 * never with what the client sent. Anything else that escapes Jersey gets a 500 problem the same way.
 */
final class MalformedRequestGuard extends HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(MalformedRequestGuard.class);
    private final GrizzlyHttpContainer jersey;

    MalformedRequestGuard(GrizzlyHttpContainer jersey) {
        this.jersey = jersey;
    }

    @Override
    public void start() {
        super.start();
        jersey.start();
    }

    @Override
    public void destroy() {
        jersey.destroy();
        super.destroy();
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        Optional<String> flaw = flaw(request);
        if (flaw.isPresent()) {
            String incident = UUID.randomUUID().toString();
            LOG.warn("incident {}: malformed request refused: {}", incident, flaw.get());
            ProblemAnswers.send(response, malformed(incident), true);
            return;
        }
        try {
            jersey.service(request, response);
        } catch (Exception | LinkageError e) {
            String incident = UUID.randomUUID().toString();
            if (cause(e, URISyntaxException.class)) {
                LOG.warn("incident {}: malformed request refused: the request URI could not be built", incident);
                ProblemAnswers.send(response, malformed(incident), true);
            } else {
                LOG.error("incident {}: the request failed before the API could answer", incident, e);
                ProblemAnswers.send(response, Problem.of(ProblemType.INTERNAL, 500, "Internal error",
                        "something went wrong on our side; quote the incident id if you report it").with("incidentId", incident), true);
            }
        }
    }

    static Problem malformed(String incident) {
        return Problem.of(ProblemType.MALFORMED_REQUEST, 400, "Malformed request",
                "the request target or Host header is not valid HTTP; nothing was done").with("incidentId", incident);
    }

    /** Why this request cannot be served, in words that quote nothing the client sent. */
    static Optional<String> flaw(Request request) {
        int hosts = 0;
        String host = null;
        for (String value : request.getHeaders("Host")) {
            hosts++;
            host = value;
        }
        if (hosts > 1) {
            return Optional.of("more than one Host header");
        }
        if (host == null) {
            return request.getProtocol() == Protocol.HTTP_1_1 ? Optional.of("HTTP/1.1 request without Host") : targetFlaw(request);
        }
        if (!validAuthority(host)) {
            return Optional.of("Host header is not a host name or address with an optional port");
        }
        return targetFlaw(request);
    }

    private static Optional<String> targetFlaw(Request request) {
        String path = request.getRequestURI();
        if (path == null || !path.startsWith("/")) {
            return Optional.of("request target is not an absolute path");
        }
        String query = request.getQueryString();
        try {
            new URI("http://localhost" + path + (query == null ? "" : "?" + query));
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("request target is not a valid URI path and query");
        }
    }

    private static boolean validAuthority(String host) {
        if (host.isEmpty()) {
            return false;
        }
        try {
            URI uri = new URI("http://" + host + "/");
            return uri.getHost() != null && uri.getRawUserInfo() == null && "/".equals(uri.getRawPath())
                    && uri.getRawQuery() == null && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean cause(Throwable thrown, Class<? extends Throwable> kind) {
        int depth = 0;
        for (Throwable t = thrown; t != null && depth < 20; t = t.getCause(), depth++) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
