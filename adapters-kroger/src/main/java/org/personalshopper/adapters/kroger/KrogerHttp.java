package org.personalshopper.adapters.kroger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.domain.ProviderFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way every Kroger adapter talks to Kroger: sends a {@link KrogerRequest}, logs one line per call
 * (method, path, status, duration; never headers, query values or bodies), and turns every failure into a
 * {@link ProviderException} whose reason is safe to show. Never retries: a caller that wants a retry decides.
 */
final class KrogerHttp {
    private static final Logger LOG = LoggerFactory.getLogger(KrogerHttp.class);
    /** Kroger's biggest answers (50 products with nutrition) stay far below this; anything larger is not Kroger. */
    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    private static final int MAX_REASON_CHARS = 200;

    private final KrogerSettings settings;
    private final HttpClient client;
    private final ObjectMapper json;
    private final Clock clock;

    KrogerHttp(KrogerSettings settings, HttpClient client, ObjectMapper json, Clock clock) {
        this.settings = Objects.requireNonNull(settings);
        this.client = Objects.requireNonNull(client);
        this.json = Objects.requireNonNull(json);
        this.clock = Objects.requireNonNull(clock);
    }

    ObjectMapper json() {
        return json;
    }

    KrogerSettings settings() {
        return settings;
    }

    /** Sends the call and returns Kroger's 2xx answer; any other answer or no answer throws. */
    Answer call(KrogerRequest request) {
        Answer answer = exchange(request);
        if (!answer.isSuccess()) {
            throw failure(request, answer);
        }
        return answer;
    }

    /** Like {@link #call} but a 404 is "no such thing": empty. */
    Optional<Answer> lookup(KrogerRequest request) {
        Answer answer = exchange(request);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (!answer.isSuccess()) {
            throw failure(request, answer);
        }
        return Optional.of(answer);
    }

    /** Kroger's answer as a JSON object, or {@code BAD_RESPONSE}. */
    JsonNode jsonObject(KrogerRequest request, Answer answer) {
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

    ProviderException badResponse(KrogerRequest request, String what) {
        return new ProviderException(ProviderFailure.BAD_RESPONSE,
                "Kroger's answer to the " + request.purpose + " " + what, Optional.empty(), null);
    }

    /** Everything that can go wrong between us and Kroger before a status code exists. */
    Answer exchange(KrogerRequest request) {
        HttpRequest httpRequest = toHttpRequest(request);
        long startNanos = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(httpRequest, info -> new CappedBody(MAX_BODY_BYTES));
        try {
            // The request timeout ends when headers arrive; this bound also covers a body that trickles in.
            HttpResponse<byte[]> response = future.get(
                    settings.connectTimeout().plus(settings.requestTimeout()).toMillis(), TimeUnit.MILLISECONDS);
            long millis = elapsedMillis(startNanos);
            int status = response.statusCode();
            if ((status >= 200 && status < 400) || status == 404) {
                LOG.debug("Kroger {} {} -> {} in {} ms", request.method, request.path, status, millis);
            } else {
                LOG.info("Kroger {} {} -> {} in {} ms", request.method, request.path, status, millis);
            }
            return new Answer(status, response.body() == null ? new byte[0] : response.body(),
                    response.headers().firstValue("Retry-After"));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw logged(request, startNanos, new ProviderException(ProviderFailure.TIMED_OUT,
                    "the " + request.purpose + " was interrupted while waiting for Kroger", Optional.empty(), null));
        } catch (TimeoutException e) {
            future.cancel(true);
            throw logged(request, startNanos, new ProviderException(ProviderFailure.TIMED_OUT,
                    "Kroger did not answer the " + request.purpose + " in time", Optional.empty(), null));
        } catch (ExecutionException | CompletionException | CancellationException e) {
            throw logged(request, startNanos, transportFailure(request, e.getCause() == null ? e : e.getCause()));
        }
    }

    private HttpRequest toHttpRequest(KrogerRequest request) {
        String query = UriEncoding.form(request.query());
        URI uri = URI.create(settings.apiBaseUrl() + request.path + (query.isEmpty() ? "" : "?" + query));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .version(HttpClient.Version.HTTP_1_1)
                .timeout(settings.requestTimeout());
        request.headers().forEach(builder::header);
        HttpRequest.BodyPublisher body = request.body()
                .map(HttpRequest.BodyPublishers::ofByteArray)
                .orElseGet(HttpRequest.BodyPublishers::noBody);
        return builder.method(request.method, body).build();
    }

    private ProviderException logged(KrogerRequest request, long startNanos, ProviderException failure) {
        LOG.info("Kroger {} {} -> no answer ({}) in {} ms", request.method, request.path, failure.failure(),
                elapsedMillis(startNanos));
        return failure;
    }

    private static long elapsedMillis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private ProviderException transportFailure(KrogerRequest request, Throwable cause) {
        String purpose = request.purpose;
        if (cause instanceof ResponseTooLargeException) {
            return new ProviderException(ProviderFailure.BAD_RESPONSE,
                    "Kroger's answer to the " + purpose + " was too large to read", Optional.empty(), null);
        }
        if (cause instanceof HttpConnectTimeoutException) {
            // Nothing was sent: the connection was never made.
            return new ProviderException(ProviderFailure.UNREACHABLE,
                    "could not connect to Kroger in time for the " + purpose, Optional.empty(), cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new ProviderException(ProviderFailure.TIMED_OUT,
                    "Kroger did not answer the " + purpose + " in time", Optional.empty(), cause);
        }
        if (isConnectFailure(cause)) {
            return new ProviderException(ProviderFailure.UNREACHABLE,
                    "could not connect to Kroger for the " + purpose, Optional.empty(), cause);
        }
        if (cause instanceof IOException) {
            // Reset or closed after the request went out: it may have landed.
            return new ProviderException(ProviderFailure.TIMED_OUT,
                    "the connection to Kroger broke during the " + purpose, Optional.empty(), cause);
        }
        return new ProviderException(ProviderFailure.TIMED_OUT,
                "the " + purpose + " failed without an answer from Kroger", Optional.empty(), cause);
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

    /** Maps a Kroger answer that is not a success to the provider-neutral failure, with a safe reason. */
    ProviderException failure(KrogerRequest request, Answer answer) {
        int status = answer.status();
        KrogerErrorBody error = KrogerErrorBody.parse(answer.body(), json);
        Optional<String> said = error.description().map(d -> scrub(d, request.secrets()));
        String purpose = request.purpose;
        if (status == 429) {
            return new ProviderException(ProviderFailure.RATE_LIMITED,
                    "Kroger's quota for the " + purpose + " is used up; try again later",
                    answer.retryAfter().flatMap(value -> retryAfter(value, clock)), null);
        }
        if (request.path.equals(KrogerIdentityProvider.TOKEN_PATH)
                && (status == 401 || error.hasCode("unauthorized") || error.hasCode("invalid_client"))) {
            // Our client id or secret was refused: a configuration fault, not a verdict on the shopper's
            // refresh token, which must therefore never be marked unusable for it.
            return new ProviderException(ProviderFailure.UNAVAILABLE, with("Kroger did not accept this app's client id and "
                    + "secret for the " + purpose + "; check KROGER_CLIENT_ID and KROGER_CLIENT_SECRET", said),
                    Optional.empty(), null);
        }
        if (request.isClientErrorRejected() && status >= 400 && status < 500) {
            return rejected("Kroger refused the " + purpose + ", so the shopper must sign in again", said);
        }
        if (status == 401) {
            String what = error.hasCode("invalid_token")
                    ? "Kroger did not accept the token for the " + purpose + ": it is invalid or has expired"
                    : "Kroger did not accept the credentials for the " + purpose;
            return new ProviderException(ProviderFailure.UNAUTHORIZED, with(what, said), Optional.empty(), null);
        }
        if (status == 403) {
            String what = request.neededScope()
                    .map(scope -> "Kroger refused the " + purpose + ": it needs a token with the " + scope + " scope")
                    .orElse("Kroger refused the " + purpose + " with this token");
            return new ProviderException(ProviderFailure.FORBIDDEN, with(what, said), Optional.empty(), null);
        }
        if (status == 404) {
            return new ProviderException(ProviderFailure.NOT_FOUND,
                    with("Kroger found nothing for the " + purpose, said), Optional.empty(), null);
        }
        if (status >= 400 && status < 500) {
            if (error.hasCode("invalid_scope")) {
                return rejected("Kroger refused a scope this app asked for in the " + purpose, said);
            }
            return rejected("Kroger rejected the " + purpose, said);
        }
        if (status >= 500 && status < 600) {
            return new ProviderException(ProviderFailure.UNAVAILABLE,
                    with("Kroger failed the " + purpose + " (HTTP " + status + ")", said),
                    answer.retryAfter().flatMap(value -> retryAfter(value, clock)), null);
        }
        return new ProviderException(ProviderFailure.BAD_RESPONSE,
                "Kroger answered the " + purpose + " with an unexpected HTTP " + status, Optional.empty(), null);
    }

    private static ProviderException rejected(String what, Optional<String> said) {
        return new ProviderException(ProviderFailure.REJECTED, with(what, said), Optional.empty(), null);
    }

    private static String with(String what, Optional<String> said) {
        return said.map(s -> what + " (" + s + ")").orElse(what);
    }

    /** Kroger's text, made safe: no secret of this call, no control characters, bounded length. */
    static String scrub(String text, List<String> secrets) {
        String clean = text;
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                clean = clean.replace(secret, "[redacted]");
            }
        }
        clean = clean.replaceAll("\\p{Cntrl}+", " ").replaceAll("\\s+", " ").strip();
        if (clean.length() > MAX_REASON_CHARS) {
            clean = clean.substring(0, MAX_REASON_CHARS) + "...";
        }
        return clean;
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date; a date in the past means "now". */
    static Optional<Duration> retryAfter(String value, Clock clock) {
        String text = value.strip();
        if (text.matches("[0-9]{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        try {
            Instant when = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), when);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Kroger's answer: status, body bytes and the Retry-After header if any. */
    record Answer(int status, byte[] body, Optional<String> retryAfter) {
        boolean isSuccess() {
            return status >= 200 && status < 300;
        }
    }

    static final class ResponseTooLargeException extends IOException {
        ResponseTooLargeException() {
            super("response body larger than " + MAX_BODY_BYTES + " bytes");
        }
    }

    /** Collects the body but gives up past a size no Kroger answer reaches. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int cap;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        CappedBody(int cap) {
            this.cap = cap;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if ((long) out.size() + buffer.remaining() > cap) {
                    subscription.cancel();
                    result.completeExceptionally(new ResponseTooLargeException());
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
