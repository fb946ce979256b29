package org.personalshopper.application.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.personalshopper.application.port.out.Clock;
import org.personalshopper.application.port.out.ProductCatalog;
import org.personalshopper.domain.ProductPage;
import org.personalshopper.domain.ProductQuery;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.Product;
import org.personalshopper.domain.ProductId;
import org.personalshopper.domain.StoreLocationId;

/**
 * Keeps product search pages for a few minutes, per (term, store, brand, page), so planning lists and
 * repeated searches do not spend the provider's daily quota on the same question. Only the catalog port is
 * cached, and it is only ever called with this service's own app token: nothing made with a shopper's token
 * is kept. Failures are never cached. Concurrent identical searches share one call. At most
 * {@code maxEntries} pages are kept; the oldest go first.
 */
public final class CachingProductCatalog implements ProductCatalog {
    private record Key(String term, Optional<StoreLocationId> store, Optional<String> brand, int start, int limit) {
        static Key of(ProductQuery query) {
            return new Key(query.term().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "), query.locationId(),
                    query.brand().map(b -> b.toLowerCase(Locale.ROOT)), query.start(), query.limit());
        }
    }

    private record Entry(CompletableFuture<ProductPage> page, Instant expiresAt) {
    }

    private final ProductCatalog catalog;
    private final Clock clock;
    private final Duration ttl;
    private final int maxEntries;
    private final Map<Key, Entry> pages = new LinkedHashMap<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    public CachingProductCatalog(ProductCatalog catalog, Clock clock, Duration ttl,
                                 int maxEntries) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || maxEntries < 1) {
            throw new IllegalArgumentException("ttl must not be negative and maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
    }

    @Override
    public ProductPage search(ProductQuery query, AccessToken appToken) {
        if (ttl.isZero()) {
            return catalog.search(query, appToken);
        }
        Key key = Key.of(query);
        CompletableFuture<ProductPage> mine = new CompletableFuture<>();
        CompletableFuture<ProductPage> shared;
        synchronized (pages) {
            Instant now = clock.now();
            Entry entry = pages.get(key);
            if (entry != null && (now.isBefore(entry.expiresAt()) || !entry.page().isDone())) {
                shared = entry.page();
            } else {
                pages.remove(key);
                pages.put(key, new Entry(mine, now.plus(ttl)));
                evictBeyondLimit(now);
                shared = null;
            }
        }
        if (shared != null) {
            hits.incrementAndGet();
            return await(shared);
        }
        misses.incrementAndGet();
        try {
            ProductPage page = catalog.search(query, appToken);
            mine.complete(page);
            return page;
        } catch (RuntimeException | Error e) {
            synchronized (pages) {
                Entry entry = pages.get(key);
                if (entry != null && entry.page() == mine) {
                    pages.remove(key);
                }
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** Single products are looked up rarely (a confirmed pick) and must be current: never cached. */
    @Override
    public Optional<Product> find(ProductId productId, Optional<StoreLocationId> locationId, AccessToken appToken) {
        return catalog.find(productId, locationId, appToken);
    }

    /** Searches answered from the cache (or by joining one in flight). */
    public long hits() {
        return hits.get();
    }

    /** Searches that went to the catalog. */
    public long misses() {
        return misses.get();
    }

    private void evictBeyondLimit(Instant now) {
        Iterator<Map.Entry<Key, Entry>> oldestFirst = pages.entrySet().iterator();
        while (oldestFirst.hasNext()) {
            Entry entry = oldestFirst.next().getValue();
            boolean expired = entry.page().isDone() && !now.isBefore(entry.expiresAt());
            if (expired || pages.size() > maxEntries) {
                oldestFirst.remove();
            } else {
                break;
            }
        }
    }

    private static ProductPage await(CompletableFuture<ProductPage> page) {
        try {
            return page.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof ProviderException p) {
                throw new ProviderException(p.failure(), p.reason(), p.retryAfter(), p);
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
