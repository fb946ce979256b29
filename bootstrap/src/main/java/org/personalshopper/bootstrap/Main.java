package org.personalshopper.bootstrap;

import ch.qos.logback.classic.LoggerContext;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import sun.misc.Signal;

/**
 * Starts Personal Shopper from the environment. Exit codes: 0 after SIGTERM/SIGINT once every request in
 * flight has finished and everything is closed; 2 for a configuration error (one line naming the
 * variable); 1 when start-up fails otherwise.
 */
public final class Main {
    private static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    static {
        // Before LOG below: getting the logger starts logback's writer thread, whose first wait creates the
        // common pool, and its parallelism is fixed then. With 2 CPUs it would be 1, and CompletableFuture
        // would then start a new thread for every asynchronous step without an executor. An explicit -D wins.
        if (System.getProperty(COMMON_POOL_PARALLELISM) == null) {
            System.setProperty(COMMON_POOL_PARALLELISM, String.valueOf(Math.max(2, Runtime.getRuntime().availableProcessors() - 1)));
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();

        Configuration config;
        try {
            config = Configuration.fromEnvironment(System.getenv());
        } catch (ConfigurationException e) {
            System.err.println("configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }

        PersonalShopper service;
        try {
            service = PersonalShopper.start(config);
        } catch (ConfigurationException e) {
            System.err.println("configuration error: " + e.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            LOG.error("start-up failed: {}", e.getMessage(), e);
            exit(1);
            return;
        }

        // Handle SIGTERM/SIGINT ourselves rather than in a shutdown hook, so that an orderly stop exits 0.
        CountDownLatch stopRequested = new CountDownLatch(1);
        Signal.handle(new Signal("TERM"), signal -> stopRequested.countDown());
        Signal.handle(new Signal("INT"), signal -> stopRequested.countDown());
        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("stop requested: finishing requests in flight");
        service.close();
        exit(0);
    }

    /** Log lines go through a writer thread (LoggingSetup): stopping logback first writes out what is queued. */
    private static void exit(int code) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.stop();
        }
        System.exit(code);
    }
}
