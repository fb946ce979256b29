package org.personalshopper.adapters.web.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.glassfish.grizzly.http.Protocol;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.RequestExecutorProvider;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.http.util.MimeHeaders;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.personalshopper.adapters.web.problem.Problem;
import org.personalshopper.adapters.web.problem.ProblemType;
import org.personalshopper.adapters.web.problem.ProviderProblems;
import org.personalshopper.adapters.web.problem.ProviderThreadsBusyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In front of Jersey: a request whose target or Host cannot be a URI never reaches it (Jersey would fail
 * building the request URI, and Grizzly would answer with its HTML page: a stack trace, its name and
 * the URI reflected). Such a request gets a 400 problem with an incident id, logged with the reason but
 * never with what the client sent. Anything else that escapes Jersey gets a 500 problem the same way.
 *
 * <p>It also decides where a request runs: on the request threads when its body is all there (or it has
 * none), otherwise on the provider threads, so a client sending its body slowly holds a
 * thread sized for waiting, never one of the few request threads (docs/adr/0010-request-and-provider-threads.md).
 */
final class MalformedRequestGuard extends HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(MalformedRequestGuard.class);
    /** Request attribute: the provider threads refused this request, it is answered 503 at once. */
    private static final String REFUSED = MalformedRequestGuard.class.getName() + ".refused";
    /** Grizzly's default: the transport's worker pool (the request threads) unless already on one of its threads. */
    private static final RequestExecutorProvider REQUEST_THREADS = new RequestExecutorProvider.WorkerThreadProvider();
    private final GrizzlyHttpContainer jersey;
    private final ProviderThreads providerThreads;
    private final RequestExecutorProvider executors;

    MalformedRequestGuard(GrizzlyHttpContainer jersey, ProviderThreads providerThreads) {
        this.jersey = jersey;
        this.providerThreads = providerThreads;
        this.executors = this::executorFor;
    }

    /**
     * Grizzly asks this before {@code service} (after answering {@code Expect: 100-continue}), and again for
     * read and write notifications; null runs it on the current thread. Grizzly 4 parses requests on its
     * selector threads, and by default hands {@code service} to the transport's worker pool: our request
     * threads. When the headers are parsed, the input buffer holds what arrived with them: finished means the
     * whole body (none, all of its Content-Length, or the last chunk) is buffered, so reading it cannot block;
     * otherwise (a body still arriving, or one waiting for our 100 Continue) it goes to the provider threads.
     */
    private Executor executorFor(Request request) {
        if (providerThreads.isCurrentThread()) {
            return null;
        }
        if (request.getInputBuffer().isFinished()) {
            return REQUEST_THREADS.getExecutor(request);
        }
        return task -> {
            try {
                providerThreads.executor().execute(task);
            } catch (ProviderThreadsBusyException e) {
                // Grizzly has suspended the request for the hand-over: answer it here, reading nothing of the body.
                request.setAttribute(REFUSED, Boolean.TRUE);
                task.run();
            }
        };
    }

    @Override
    public RequestExecutorProvider getRequestExecutorProvider() {
        return executors;
    }

    @Override
    public void start() {
        super.start();
        jersey.start();
    }

    @Override
    public void destroy() {
        jersey.destroy();
        providerThreads.shutdown();
        super.destroy();
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        if (request.getAttribute(REFUSED) != null) {
            ProblemAnswers.send(response, ProviderProblems.threadsBusy(ProviderThreads.RETRY_AFTER), true);
            return;
        }
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
    Optional<String> flaw(Request request) {
        // Found by index in Grizzly's header table: iterating getHeaders("Host") built an iterator per request.
        MimeHeaders headers = request.getRequest().getHeaders();
        int first = headers.indexOf(Header.Host, 0);
        if (first >= 0 && headers.indexOf(Header.Host, first + 1) >= 0) {
            return Optional.of("more than one Host header");
        }
        String host = first < 0 ? null : headers.getValue(first).toString();
        if (host == null) {
            return request.getProtocol() == Protocol.HTTP_1_1 ? Optional.of("HTTP/1.1 request without Host") : targetFlaw(request);
        }
        if (!validHost(host)) {
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
        if (plainTarget(path, false) && (query == null || plainTarget(query, true))) {
            return Optional.empty();
        }
        try {
            new URI("http://localhost" + path + (query == null ? "" : "?" + query));
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("request target is not a valid URI path and query");
        }
    }

    /**
     * True when {@code part} holds only characters a URI path (or query) takes as they are, with every
     * {@code %} followed by two hex digits: such a target parses, so the common request skips building a
     * {@link URI}. Anything else (brackets, non-ASCII, a stray {@code %}) is judged by {@code URI} itself.
     */
    static boolean plainTarget(String part, boolean query) {
        int n = part.length();
        for (int i = 0; i < n; i++) {
            char c = part.charAt(i);
            if (c == '%') {
                if (i + 2 >= n || !hex(part.charAt(i + 1)) || !hex(part.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (!(c < 128 && PLAIN[c]) && !(query && c == '?')) {
                return false;
            }
        }
        return true;
    }

    /** RFC 2396's unreserved characters and those a path segment takes: what {@code java.net.URI} accepts in a path. */
    private static final boolean[] PLAIN = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            PLAIN[c] = true;
            PLAIN[Character.toUpperCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            PLAIN[c] = true;
        }
        for (char c : "-_.!~*'();/:@&=+$,".toCharArray()) {
            PLAIN[c] = true;
        }
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Host values seen valid; a client sends the same one or two, so most requests skip building a URI. */
    private static final int KNOWN_HOSTS = 64;
    private final Set<String> validHosts = ConcurrentHashMap.newKeySet();

    private boolean validHost(String host) {
        if (validHosts.contains(host)) {
            return true;
        }
        boolean valid = validAuthority(host);
        if (valid && validHosts.size() < KNOWN_HOSTS) { // bounded: a client inventing hosts cannot grow it
            validHosts.add(host);
        }
        return valid;
    }

    static boolean validAuthority(String host) {
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
