package org.personalshopper.bootstrap.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/**
 * The service's metrics (docs/metrics.md), kept in a Prometheus registry: the JVM's here, HTTP requests
 * through {@link HttpRequestMetrics}, provider calls, token refreshes, cart adds and sign-ins through the
 * decorators of {@link Metering}, the connection pool through HikariCP's own Micrometer support.
 */
public final class ServiceMetrics implements AutoCloseable {
    /** Histogram buckets from 1 ms to 30 s: covers a local read and a provider call at its timeout. */
    static final Duration SHORTEST = Duration.ofMillis(1);
    static final Duration LONGEST = Duration.ofSeconds(30);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public ServiceMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Everything, in the Prometheus text format 0.0.4. */
    public String scrape() {
        return registry.scrape();
    }

    static Timer.Builder latency(String name, String description) {
        return Timer.builder(name).description(description).publishPercentileHistogram()
                .minimumExpectedValue(SHORTEST).maximumExpectedValue(LONGEST);
    }

    static Counter counter(MeterRegistry registry, String name, String description, String outcome) {
        return Counter.builder(name).description(description).tag("outcome", outcome).register(registry);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
