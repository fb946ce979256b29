package org.personalshopper.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;
import java.util.Optional;

/**
 * The service's logging, set up in code rather than by a logback.xml: parsing the XML took about a sixth of
 * start-up (docs/benchmarks.md). One line per event on standard output, UTC timestamps; lines are handed
 * to one writer thread so request threads never wait on the output, and none is ever dropped; it writes
 * the lines of up to 5 ms in one write ({@link BatchingConsoleAppender}). Our own
 * level comes from SHOPPER_LOG_LEVEL (default INFO). A logback.xml named by {@code -Dlogback.configurationFile}
 * still replaces all of this.
 */
public final class LoggingSetup extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level [%thread] %logger{30} - %msg%n";
    /** Libraries that are chatty at INFO; Grizzly announces its shutdown grace period as a WARN on every stop. */
    private static final Map<String, Level> QUIETER = Map.of(
            "org.glassfish", Level.WARN,
            "org.glassfish.grizzly.nio.GracefulShutdownRunner", Level.ERROR,
            "org.flywaydb", Level.WARN,
            "com.zaxxer.hikari", Level.WARN,
            "io.zonky", Level.WARN,
            "org.jooq", Level.WARN);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        // Jersey and Grizzly log through JUL: this keeps JUL's disabled levels as cheap as ours.
        LevelChangePropagator julLevels = new LevelChangePropagator();
        julLevels.setContext(context);
        julLevels.setResetJUL(true);
        context.addListener(julLevels);
        julLevels.start();

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        BatchingConsoleAppender console = new BatchingConsoleAppender(encoder, BatchingConsoleAppender.standardOutput(), 4096);
        console.setContext(context);
        console.setName("CONSOLE");
        console.start();

        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        context.getLogger("org.personalshopper").setLevel(Level.toLevel(ownLevel().orElse("INFO"), Level.INFO));
        QUIETER.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static Optional<String> ownLevel() {
        String level = System.getProperty("SHOPPER_LOG_LEVEL", System.getenv("SHOPPER_LOG_LEVEL"));
        return Optional.ofNullable(level).map(String::trim).filter(l -> !l.isEmpty());
    }
}
