package org.personalshopper.bootstrap.e2e;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Everything the service logs while a test runs (messages, arguments and stack traces), to scan for secrets. */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final List<String> lines = new ArrayList<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger ours = (Logger) LoggerFactory.getLogger("org.personalshopper");
    private ch.qos.logback.classic.Level oursBefore;

    /** Captures from now on, with the service's own loggers at DEBUG so that nothing escapes the scan. */
    static LogCapture capture() {
        LogCapture capture = new LogCapture();
        capture.setContext(capture.root.getLoggerContext());
        capture.start();
        capture.oursBefore = capture.ours.getLevel();
        capture.ours.setLevel(ch.qos.logback.classic.Level.DEBUG);
        capture.root.addAppender(capture);
        return capture;
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        // WireMock plays Kroger in these tests; what it logs of requests it received is not the service's log.
        if (event.getLoggerName().startsWith("com.github.tomakehurst") || event.getLoggerName().startsWith("wiremock")) {
            return;
        }
        StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
        }
        lines.add(line.toString());
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        root.detachAppender(this);
        ours.setLevel(oursBefore);
        stop();
    }
}
