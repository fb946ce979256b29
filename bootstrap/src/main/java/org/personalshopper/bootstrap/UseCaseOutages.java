package org.personalshopper.bootstrap;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import org.personalshopper.application.port.in.TemporarilyUnavailableException;
import org.personalshopper.application.port.in.UseCaseException;
import org.personalshopper.application.port.out.StorageUnavailableException;

/**
 * Gives every use case the outcome {@link TemporarilyUnavailableException} when the storage ports report
 * an outage ({@link StorageUnavailableException}, a driven-side type the driving side must not see). An
 * outage can strike any method of any use case, so it is translated once, around each use case as it is
 * bound, instead of in every service; any other failure passes through as it was.
 */
final class UseCaseOutages {
    /** A database restart takes seconds; readiness polls are the better signal for a load balancer. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private UseCaseOutages() {
    }

    /** {@code useCase} as the interface {@code port}, with storage outages told as its outcome. */
    static <T> T translated(Class<T> port, T useCase) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return method.invoke(useCase, args);
            } catch (InvocationTargetException e) {
                throw outcome(e.getCause());
            }
        };
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler));
    }

    static Throwable outcome(Throwable failure) {
        if (failure instanceof UseCaseException) {
            return failure;
        }
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 10; t = t.getCause(), depth++) {
            if (t instanceof StorageUnavailableException outage) {
                return new TemporarilyUnavailableException(outage.getMessage(), RETRY_AFTER, failure);
            }
        }
        return failure;
    }
}
