package org.personalshopper.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starting a sign-in is the one write anybody may make. Flooding it (12 threads for 10 s, each with the
 * largest return path allowed) with the default limits must leave the database files less than 2 MB larger,
 * answer the flood with 429 and Retry-After, and never with a 5xx.
 */
class SignInFloodEndToEndTest {
    private static final int THREADS = 12;
    private static final Duration FLOOD = Duration.ofSeconds(10);
    private static final long MAX_GROWTH_BYTES = 2L * 1024 * 1024;

    @TempDir
    Path dataDir;

    @Test
    void tenSecondsOfSignInFloodGrowTheDatabaseByLessThan2Mb() throws Exception {
        try (ServiceUnderTest service = ServiceUnderTest.start(dataDir, Map.of(
                "SHOPPER_SIGN_INS_PER_CLIENT_PER_MINUTE", "20", "SHOPPER_SIGN_INS_PER_MINUTE", "600"))) {
            long before = databaseBytes();
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            AtomicInteger withoutRetryAfter = new AtomicInteger();
            AtomicInteger reconnects = new AtomicInteger();
            String returnTo = "/" + "r".repeat(500);
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            long end = System.nanoTime() + FLOOD.toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    workers.add(pool.submit(() -> {
                        int n = 0;
                        while (System.nanoTime() < end) {
                            URI uri = service.baseUri().resolve("/auth/login?returnTo=" + returnTo + thread + "x" + n++);
                            HttpResponse<Void> response;
                            try {
                                response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                                        .GET().build(), HttpResponse.BodyHandlers.discarding());
                            } catch (IOException closed) {
                                // Grizzly ends a kept-alive connection after its request quota; the client reconnects
                                reconnects.incrementAndGet();
                                continue;
                            }
                            statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                            if (response.statusCode() == 429 && response.headers().firstValue("Retry-After").isEmpty()) {
                                withoutRetryAfter.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> worker : workers) {
                    worker.get();
                }
            } finally {
                pool.shutdownNow();
            }
            long growth = databaseBytes() - before;
            int total = statuses.values().stream().mapToInt(AtomicInteger::get).sum();
            System.out.printf("sign-in flood: %d answers in %d s from %d threads: %s (%d connections closed and reopened);"
                    + " database grew by %d bytes%n", total, FLOOD.toSeconds(), THREADS, statuses, reconnects.get(), growth);

            assertThat(statuses.keySet()).as("every answer is a redirect or 429").containsOnly(302, 429);
            assertThat(statuses.get(429).get()).as("the flood was refused").isGreaterThan(total / 2);
            assertThat(withoutRetryAfter).as("every 429 says when to come back").hasValue(0);
            assertThat(growth).as("database growth in bytes").isLessThan(MAX_GROWTH_BYTES);
        }
    }

    /** The database's own files (tables and indexes), as the file system counts them. */
    private long databaseBytes() {
        try (Stream<Path> files = Files.walk(dataDir.resolve("postgres").resolve("base"))) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0; // a file removed while walking (e.g. a temporary one) no longer counts
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
