package org.personalshopper.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.fakes.FakeClock;
import org.personalshopper.application.port.out.ProductCatalog;
import org.personalshopper.domain.ProductPage;
import org.personalshopper.domain.ProductQuery;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.Product;
import org.personalshopper.domain.ProductId;
import org.personalshopper.domain.ProviderFailure;
import org.personalshopper.domain.StoreLocationId;

/** The search cache keeps the provider's quota for new questions, and never hides a failure. */
class CachingProductCatalogTest {
    private static final AccessToken APP = new AccessToken("app-token");
    private static final StoreLocationId STORE = new StoreLocationId("01400943");

    private final FakeClock clock = new FakeClock();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile RuntimeException failWith;
    private volatile CountDownLatch hold;

    private final ProductCatalog counting = new ProductCatalog() {
        @Override
        public ProductPage search(ProductQuery query, AccessToken appToken) {
            calls.incrementAndGet();
            try {
                if (hold != null) {
                    hold.await(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failWith != null) {
                throw failWith;
            }
            return new ProductPage(List.of(), query.start(), query.limit(), 0);
        }

        @Override
        public Optional<Product> find(ProductId productId, Optional<StoreLocationId> locationId, AccessToken appToken) {
            calls.incrementAndGet();
            return Optional.empty();
        }
    };
    private final CachingProductCatalog cache = new CachingProductCatalog(counting, clock, Duration.ofMinutes(5), 2);

    private static ProductQuery query(String term, String store) {
        return new ProductQuery(term, Optional.of(new StoreLocationId(store)), Optional.empty(), 0, 20);
    }

    @Test
    void theSameTermAtTheSameStoreIsAskedOnceUntilItExpires() {
        cache.search(query("milk", "01400943"), APP);
        cache.search(query(" Milk ", "01400943"), APP);
        assertThat(calls).hasValue(1);

        cache.search(query("milk", "01400376"), APP);
        assertThat(calls).hasValue(2);

        clock.advance(Duration.ofMinutes(5));
        cache.search(query("milk", "01400943"), APP);
        assertThat(calls).hasValue(3);
        assertThat(cache.hits()).isEqualTo(1);
    }

    @Test
    void aFailureIsNeverCached() {
        failWith = new ProviderException(ProviderFailure.RATE_LIMITED, "quota");
        assertThatThrownBy(() -> cache.search(query("milk", "01400943"), APP)).isInstanceOf(ProviderException.class);
        failWith = null;
        cache.search(query("milk", "01400943"), APP);
        assertThat(calls).hasValue(2);
    }

    @Test
    void concurrentIdenticalSearchesShareOneCall() throws Exception {
        hold = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ProductPage>> pages = List.of(pool.submit(() -> cache.search(query("eggs", "01400943"), APP)),
                    pool.submit(() -> cache.search(query("eggs", "01400943"), APP)),
                    pool.submit(() -> cache.search(query("eggs", "01400943"), APP)));
            Thread.sleep(100);
            hold.countDown();
            for (Future<ProductPage> page : pages) {
                assertThat(page.get(10, TimeUnit.SECONDS).items()).isEmpty();
            }
            assertThat(calls).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keepsAtMostItsLimitOfPagesAndNeverCachesSingleProducts() {
        cache.search(query("milk", "01400943"), APP);
        cache.search(query("eggs", "01400943"), APP);
        cache.search(query("coffee", "01400943"), APP);
        cache.search(query("milk", "01400943"), APP);
        assertThat(calls).hasValue(4);

        cache.find(new ProductId("1"), Optional.of(STORE), APP);
        cache.find(new ProductId("1"), Optional.of(STORE), APP);
        assertThat(calls).hasValue(6);
    }
}
