package org.personalshopper.application.fakes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.personalshopper.application.port.out.StoreDirectory;
import org.personalshopper.domain.StoreQuery;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.Store;
import org.personalshopper.domain.StoreLocationId;

public final class FakeStoreDirectory implements StoreDirectory {
    private final Map<StoreLocationId, Store> stores = new ConcurrentHashMap<>();
    private final Queue<RuntimeException> failures = new ConcurrentLinkedQueue<>();
    private final List<AccessToken> tokensUsed = new CopyOnWriteArrayList<>();

    @Override
    public List<Store> search(StoreQuery query, AccessToken appToken) {
        called(appToken);
        return stores.values().stream().filter(s -> query.zipCode().map(z -> z.equals(s.address().zipCode())).orElse(true))
                .limit(query.limit()).toList();
    }

    @Override
    public Optional<Store> find(StoreLocationId locationId, AccessToken appToken) {
        called(appToken);
        return Optional.ofNullable(stores.get(locationId));
    }

    public void add(Store store) {
        stores.put(store.locationId(), store);
    }

    public void failNextCall(RuntimeException e) {
        failures.add(e);
    }

    public List<AccessToken> tokensUsed() {
        return List.copyOf(tokensUsed);
    }

    private void called(AccessToken token) {
        tokensUsed.add(token);
        RuntimeException next = failures.poll();
        if (next != null) {
            throw next;
        }
    }
}
