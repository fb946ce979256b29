package org.personalshopper.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A provider that answers at once, as far as a sign-in needs one: the token endpoint exchanges code
 * {@code X} for access token {@code at-X}, and the profile of {@code at-X} is {@code profile-X}. So each
 * benchmarked app signs in as its own shopper (its code), again and again.
 */
final class ProviderStub implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final AtomicLong profilesAnswered = new AtomicLong();

    ProviderStub() throws IOException {
        // Without it each answer's header and body segments wait on Nagle and delayed ACKs: ~40 ms per call.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.createContext("/v1/connect/oauth2/token", this::token);
        server.createContext("/v1/identity/profile", this::profile);
        server.setExecutor(workers);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void token(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String code = "none";
        for (String pair : form.split("&")) {
            if (pair.startsWith("code=")) {
                code = URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
            }
        }
        answer(exchange, "{\"access_token\":\"at-" + code + "\",\"token_type\":\"bearer\",\"expires_in\":1800,"
                + "\"refresh_token\":\"rt-" + code + "\"}");
    }

    private void profile(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        String code = authorization.startsWith("Bearer at-") ? authorization.substring("Bearer at-".length()) : "none";
        answer(exchange, "{\"data\":{\"id\":\"profile-" + code + "\"},\"meta\":{}}");
        profilesAnswered.incrementAndGet();
    }

    /**
     * Profiles answered so far: the last provider call of every sign-in, so the count of sign-ins that reached
     * the end (a sign-in that failed after it answers an error, which stops the run).
     */
    long profilesAnswered() {
        return profilesAnswered.get();
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
