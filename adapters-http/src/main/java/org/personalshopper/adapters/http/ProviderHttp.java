package org.personalshopper.adapters.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.domain.ProviderFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a provider adapter talks to its provider over HTTP: sends a {@link ProviderRequest}, logs one
 * line per call (provider, method, path, status, duration; never headers, query values or bodies), and turns
 * every failure into a {@link ProviderException} whose reason is safe to show. Never retries: a caller that
 * wants a retry decides. Provider-neutral: what is particular to a provider (its paths, payloads, banners)
 * stays in its adapter; this class knows HTTP, OAuth's error conventions and the {@code ProviderFailure} rules.
 */
public final class ProviderHttp {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderHttp.class);
    /** A grocery API's biggest answers (50 products with nutrition) stay far below this; anything larger is wrong. */
    public static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    private final ProviderEndpoint endpoint;
    private final String name;
    private final HttpClient client;
    private final ObjectMapper json;
    private final Clock clock;
    /** The longest a call may take from sending to the last byte of the body: connect plus request timeout. */
    private final long callBoundNanos;
    /** Paths called without a query (token, profile, ...), parsed once; at most {@value #MAX_REMEMBERED_URIS}. */
    private final Map<String, URI> plainUris = new ConcurrentHashMap<>();
    static final int MAX_REMEMBERED_URIS = 64;

    ProviderHttp(ProviderEndpoint endpoint, HttpClient client, ObjectMapper json, Clock clock) {
        this.endpoint = Objects.requireNonNull(endpoint);
        this.name = endpoint.name();
        this.client = Objects.requireNonNull(client);
        this.json = Objects.requireNonNull(json);
        this.clock = Objects.requireNonNull(clock);
        this.callBoundNanos = endpoint.connectTimeout().plus(endpoint.requestTimeout()).toNanos();
    }

    /**
     * One HTTP client for one provider: HTTP/1.1 always (an h2c upgrade makes Grizzly, which the sandboxes run
     * on, hang on request bodies), the endpoint's connect timeout, redirects never followed. The clock turns a
     * {@code Retry-After} date into a wait.
     *
     * <p>The client's own steps run where they are triggered, not on an executor (docs/adr/0008): the request
     * is written on the caller's thread, the answer read and collected on the client's selector thread, which
     * completes the caller's wait. The default executor (a cached pool) adds hand-overs between threads on
     * every call: on the benchmark machine that doubled the client's CPU per call. Nothing we give the client
     * blocks ({@link CappedBody} only copies bytes), so its selector is never held up.
     */
    public static ProviderHttp create(ProviderEndpoint endpoint, Clock clock) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(endpoint.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Runnable::run)
                .build();
        return new ProviderHttp(endpoint, client, objectMapper(), clock);
    }

    /** Lenient: providers' payloads drift from their specs, so unknown fields are ignored; prices stay exact. */
    public static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }

    public ObjectMapper json() {
        return json;
    }

    public ProviderEndpoint endpoint() {
        return endpoint;
    }

    /** Sends the call and returns the provider's 2xx answer; any other answer or no answer throws. */
    public ProviderAnswer call(ProviderRequest request) {
        ProviderAnswer answer = exchange(request);
        if (!answer.isSuccess()) {
            throw failure(request, answer);
        }
        return answer;
    }

    /** Like {@link #call} but a 404 is "no such thing": empty. */
    public Optional<ProviderAnswer> lookup(ProviderRequest request) {
        ProviderAnswer answer = exchange(request);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (!answer.isSuccess()) {
            throw failure(request, answer);
        }
        return Optional.of(answer);
    }

    /** The provider's answer as a JSON object, or {@code BAD_RESPONSE}. */
    public JsonNode jsonObject(ProviderRequest request, ProviderAnswer answer) {
        JsonNode root;
        try {
            root = answer.body().length == 0 ? null : json.readTree(answer.body());
        } catch (IOException e) {
            // Jackson's message quotes the body, which may hold a token: keep it out of the exception.
            throw badResponse(request, "was not readable JSON");
        }
        if (root == null || !root.isObject()) {
            throw badResponse(request, "was not a JSON object");
        }
        return root;
    }

    /** "{Provider}'s answer to the {purpose} {what}": a 2xx we cannot use. */
    public ProviderException badResponse(ProviderRequest request, String what) {
        return new ProviderException(ProviderFailure.BAD_RESPONSE,
                name + "'s answer to the " + request.purpose() + " " + what, Optional.empty(), null);
    }

    /**
     * Everything that can go wrong between us and the provider before a status code exists. The call runs on
     * the caller's thread ({@code send}, not {@code sendAsync}): the JDK 17 client completes a public
     * {@code sendAsync} through CompletableFuture's default executor, which is a new thread per call when the
     * common pool has parallelism 1 (any machine with 2 CPUs). The request timeout ends when headers arrive;
     * the body's deadline bounds the whole call by the connect and request timeouts, even when a body
     * trickles in.
     */
    public ProviderAnswer exchange(ProviderRequest request) {
        HttpRequest httpRequest = toHttpRequest(request);
        long startNanos = System.nanoTime();
        long deadlineNanos = startNanos + callBoundNanos;
        try {
            HttpResponse<byte[]> response = client.send(httpRequest,
                    info -> new CappedBody(MAX_BODY_BYTES, deadlineNanos - System.nanoTime()));
            long millis = elapsedMillis(startNanos);
            int status = response.statusCode();
            if ((status >= 200 && status < 400) || status == 404) {
                if (LOG.isDebugEnabled()) {
                    LOG.debug("{} {} {} -> {} in {} ms", name, request.method(), request.path(), status, millis);
                }
            } else {
                LOG.info("{} {} {} -> {} in {} ms", name, request.method(), request.path(), status, millis);
            }
            return new ProviderAnswer(status, response.body(), response.headers().firstValue("Retry-After"));
        } catch (InterruptedException e) {
            // send() has already cancelled the exchange.
            Thread.currentThread().interrupt();
            throw logged(request, startNanos, new ProviderException(ProviderFailure.TIMED_OUT,
                    "the " + request.purpose() + " was interrupted while waiting for " + name, Optional.empty(), null));
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            throw logged(request, startNanos, transportFailure(request, e));
        }
    }

    private HttpRequest toHttpRequest(ProviderRequest request) {
        List<Map.Entry<String, String>> fields = request.query();
        URI uri = fields.isEmpty() ? plainUri(request.path())
                : URI.create(endpoint.baseUrl() + request.path() + "?" + UriEncoding.form(fields));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .version(HttpClient.Version.HTTP_1_1)
                .timeout(endpoint.requestTimeout());
        request.headers().forEach(builder::header);
        HttpRequest.BodyPublisher body = request.body()
                .map(HttpRequest.BodyPublishers::ofByteArray)
                .orElseGet(HttpRequest.BodyPublishers::noBody);
        return builder.method(request.method(), body).build();
    }

    /** The endpoint's URI of a path without a query: parsed once per path (every sign-in calls the same two). */
    private URI plainUri(String path) {
        URI known = plainUris.get(path);
        if (known != null) {
            return known;
        }
        URI uri = URI.create(endpoint.baseUrl() + path);
        if (plainUris.size() < MAX_REMEMBERED_URIS) {
            plainUris.putIfAbsent(path, uri);
        }
        return uri;
    }

    private ProviderException logged(ProviderRequest request, long startNanos, ProviderException failure) {
        LOG.info("{} {} {} -> no answer ({}) in {} ms", name, request.method(), request.path(), failure.failure(),
                elapsedMillis(startNanos));
        return failure;
    }

    private static long elapsedMillis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private ProviderException transportFailure(ProviderRequest request, Throwable cause) {
        String purpose = request.purpose();
        // send() rethrows what the exchange failed with as a new exception of a like kind, the original as cause.
        if (causedBy(cause, BodyTimedOutException.class)) {
            return new ProviderException(ProviderFailure.TIMED_OUT,
                    name + " did not answer the " + purpose + " in time", Optional.empty(), null);
        }
        if (causedBy(cause, ResponseTooLargeException.class)) {
            return new ProviderException(ProviderFailure.BAD_RESPONSE,
                    name + "'s answer to the " + purpose + " was too large to read", Optional.empty(), null);
        }
        if (cause instanceof HttpConnectTimeoutException) {
            // Nothing was sent: the connection was never made.
            return new ProviderException(ProviderFailure.UNREACHABLE,
                    "could not connect to " + name + " in time for the " + purpose, Optional.empty(), cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new ProviderException(ProviderFailure.TIMED_OUT,
                    name + " did not answer the " + purpose + " in time", Optional.empty(), cause);
        }
        if (isConnectFailure(cause)) {
            return new ProviderException(ProviderFailure.UNREACHABLE,
                    "could not connect to " + name + " for the " + purpose, Optional.empty(), cause);
        }
        if (cause instanceof IOException) {
            // Reset, closed or garbled after the request went out: a bad gateway, not a timeout (the provider
            // did not fail to answer in time, the connection broke). It may have landed all the same.
            return new ProviderException(ProviderFailure.UNAVAILABLE,
                    "the connection to " + name + " broke during the " + purpose, Optional.empty(), cause);
        }
        return new ProviderException(ProviderFailure.TIMED_OUT,
                "the " + purpose + " failed without an answer from " + name, Optional.empty(), cause);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> kind) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectFailure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof UnresolvedAddressException || t instanceof NoRouteToHostException
                    || t instanceof SSLHandshakeException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** Maps an answer that is not a success to the provider-neutral failure, with a safe reason. */
    public ProviderException failure(ProviderRequest request, ProviderAnswer answer) {
        int status = answer.status();
        ErrorBody error = ErrorBody.parse(answer.body(), json);
        Optional<String> said = error.description().map(d -> SafeText.scrub(d, request.secrets()));
        String purpose = request.purpose();
        if (status == 429) {
            return new ProviderException(ProviderFailure.RATE_LIMITED,
                    name + "'s quota for the " + purpose + " is used up; try again later",
                    answer.retryAfter().flatMap(value -> RetryAfter.parse(value, clock)), null);
        }
        if (request.presentsClientCredentials() && refusesClientCredentials(status, error)) {
            // Our client id or secret was refused: UNAUTHORIZED (our credentials), a configuration fault and not a
            // verdict on the shopper's refresh token, which must never be marked unusable for it. Operators must
            // hear of it.
            String reason = with(name + " did not accept this app's client id and secret for the " + purpose + "; "
                    + endpoint.credentialsHint(), said);
            LOG.error("{} {} {} -> {}: {}", name, request.method(), request.path(), status, reason);
            return new ProviderException(ProviderFailure.UNAUTHORIZED, reason, Optional.empty(), null);
        }
        if (request.isClientErrorRejected() && status >= 400 && status < 500) {
            return rejected(name + " refused the " + purpose + ", so the shopper must sign in again", said);
        }
        if (status == 401) {
            String what = error.hasCode("invalid_token")
                    ? name + " did not accept the token for the " + purpose + ": it is invalid or has expired"
                    : name + " did not accept the credentials for the " + purpose;
            return new ProviderException(ProviderFailure.UNAUTHORIZED, with(what, said), Optional.empty(), null);
        }
        if (status == 403) {
            String what = request.neededScope()
                    .map(scope -> name + " refused the " + purpose + ": it needs a token with the " + scope + " scope")
                    .orElse(name + " refused the " + purpose + " with this token");
            return new ProviderException(ProviderFailure.FORBIDDEN, with(what, said), Optional.empty(), null);
        }
        if (status == 404) {
            return new ProviderException(ProviderFailure.NOT_FOUND,
                    with(name + " found nothing for the " + purpose, said), Optional.empty(), null);
        }
        if (status >= 400 && status < 500) {
            if (error.hasCode("invalid_scope")) {
                return rejected(name + " refused a scope this app asked for in the " + purpose, said);
            }
            return rejected(name + " rejected the " + purpose, said);
        }
        if (status >= 500 && status < 600) {
            return new ProviderException(ProviderFailure.UNAVAILABLE,
                    with(name + " failed the " + purpose + " (HTTP " + status + ")", said),
                    answer.retryAfter().flatMap(value -> RetryAfter.parse(value, clock)), null);
        }
        return new ProviderException(ProviderFailure.BAD_RESPONSE,
                name + " answered the " + purpose + " with an unexpected HTTP " + status, Optional.empty(), null);
    }

    /**
     * On a call that presents the app's client credentials: a 401, OAuth's {@code invalid_client} or
     * {@code unauthorized}, or any other 4xx (but 429) in an API layer's {@code {code, reason}} shape rather
     * than OAuth's. A token endpoint says what is wrong with a grant in OAuth's shape; the flat or wrapped
     * {@code {code, reason}} comes from the layer in front of it that checks the app (Kroger's live answer to a
     * wrong client secret).
     */
    private static boolean refusesClientCredentials(int status, ErrorBody error) {
        if (status == 401 || error.hasCode("unauthorized") || error.hasCode("invalid_client")) {
            return true;
        }
        return status >= 400 && status < 500 && status != 429 && error.shape() == ErrorBody.Shape.API;
    }

    private static ProviderException rejected(String what, Optional<String> said) {
        return new ProviderException(ProviderFailure.REJECTED, with(what, said), Optional.empty(), null);
    }

    private static String with(String what, Optional<String> said) {
        return said.map(s -> what + " (" + s + ")").orElse(what);
    }

    static final class ResponseTooLargeException extends IOException {
        ResponseTooLargeException() {
            super("response body larger than " + MAX_BODY_BYTES + " bytes");
        }
    }

    static final class BodyTimedOutException extends IOException {
        BodyTimedOutException() {
            super("response body not complete in time");
        }
    }

    /**
     * Collects the body but gives up past a size no provider answer reaches, or when it is not complete by the
     * call's deadline (the timer is CompletableFuture's one shared delay thread, not a thread per call).
     */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int cap;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private volatile Flow.Subscription subscription;

        CappedBody(int cap, long remainingNanos) {
            this.cap = cap;
            CompletableFuture<Void> deadline = new CompletableFuture<>();
            deadline.orTimeout(Math.max(0, remainingNanos), TimeUnit.NANOSECONDS)
                    .whenComplete((ignored, late) -> {
                        if (late != null) {
                            giveUp(new BodyTimedOutException());
                        }
                    });
            // A finished body cancels the timer.
            result.whenComplete((body, failure) -> deadline.complete(null));
        }

        private void giveUp(IOException why) {
            if (result.completeExceptionally(why)) {
                Flow.Subscription current = subscription;
                if (current != null) {
                    current.cancel();
                }
            }
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (result.isDone()) {
                subscription.cancel();
                return;
            }
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if ((long) out.size() + buffer.remaining() > cap) {
                    giveUp(new ResponseTooLargeException());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                out.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }
}
