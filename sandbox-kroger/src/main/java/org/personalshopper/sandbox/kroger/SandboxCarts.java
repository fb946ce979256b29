package org.personalshopper.sandbox.kroger;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each shopper's kroger.com cart, which the Public API can only add to. A line per UPC: adding a UPC that is
 * already there raises its quantity (and takes the new modality). One add request lands all its items or none.
 */
final class SandboxCarts {

    record CartLine(String upc, long quantity, String modality) {
    }

    record ItemToAdd(String upc, int quantity, String modality) {
    }

    private final Map<UUID, Map<String, CartLine>> carts = new ConcurrentHashMap<>();

    void add(UUID profileId, List<ItemToAdd> items) {
        // compute() runs atomically per shopper; the map it stores is never changed afterwards.
        carts.compute(profileId, (id, lines) -> {
            Map<String, CartLine> updated = lines == null ? new LinkedHashMap<>() : new LinkedHashMap<>(lines);
            for (ItemToAdd item : items) {
                CartLine existing = updated.get(item.upc());
                long quantity = existing == null ? item.quantity() : saturatedAdd(existing.quantity(), item.quantity());
                updated.put(item.upc(), new CartLine(item.upc(), quantity, item.modality()));
            }
            return Collections.unmodifiableMap(updated);
        });
    }

    List<CartLine> linesOf(UUID profileId) {
        Map<String, CartLine> lines = carts.get(profileId);
        return lines == null ? List.of() : List.copyOf(lines.values());
    }

    void empty(UUID profileId) {
        carts.remove(profileId);
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < a ? Long.MAX_VALUE : sum;
    }
}
