package org.personalshopper.sandbox.kroger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What happens when a client races itself, as a service with several threads or instances will. */
class ConcurrencyTest {

    private static final int THREADS = 8;
    @RegisterExtension
    static final KrogerSandboxExtension sandbox = KrogerSandboxExtension.with(SandboxSettings.defaults());

    private static <T> List<T> race(Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentRefreshesWithOneRefreshTokenLetExactlyOneWin() throws Exception {
        String refreshToken = sandbox.client().shopperTokens("vera", SandboxClient.ALL_SCOPES).refreshToken();

        List<Integer> statuses = race(() -> sandbox.client().postForm("/v1/connect/oauth2/token",
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken)).statusCode());

        assertThat(statuses).containsOnly(200, 400).filteredOn(s -> s == 200).hasSize(1);
    }

    @Test
    void concurrentCartAddsAreAllCounted() throws Exception {
        String token = sandbox.client().shopperTokens("walt", SandboxClient.ALL_SCOPES).accessToken();

        List<Integer> statuses = race(() -> sandbox.client().putJson("/v1/cart/add", token,
                "{\"items\":[{\"upc\":\"0001111041700\",\"quantity\":1}]}").statusCode());

        assertThat(statuses).containsOnly(204);
        HttpResponse<String> cart = sandbox.client().get("/sandbox/carts?username=walt");
        assertThat(sandbox.client().json(cart).at("/items/0/quantity").asInt()).isEqualTo(THREADS);
    }
}
