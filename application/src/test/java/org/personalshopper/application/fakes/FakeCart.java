package org.personalshopper.application.fakes;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.personalshopper.application.port.out.Cart;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.CartItem;

/** The grocer's cart: records every add it receives; queued failures are thrown by the next adds. */
public final class FakeCart implements Cart {
    public record Add(List<CartItem> items, AccessToken token) {
    }

    private final List<Add> adds = new CopyOnWriteArrayList<>();
    private final Queue<RuntimeException> failures = new ConcurrentLinkedQueue<>();

    @Override
    public void add(List<CartItem> items, AccessToken shopperToken) {
        adds.add(new Add(List.copyOf(items), shopperToken));
        RuntimeException next = failures.poll();
        if (next != null) {
            throw next;
        }
    }

    public void failNextAdd(RuntimeException e) {
        failures.add(e);
    }

    /** Every add call that reached the grocer, failed ones included. */
    public List<Add> adds() {
        return List.copyOf(adds);
    }
}
