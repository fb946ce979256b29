package org.personalshopper.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The log's writer: every line, in order, none lost on stop; what queued up while it wrote goes out in one write. */
class BatchingConsoleAppenderTest {
    private final LoggerContext context = new LoggerContext();
    private final Logger logger = context.getLogger("test");

    {
        context.setMDCAdapter(new LogbackMDCAdapter());
    }

    private PatternLayoutEncoder encoder() {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%thread %msg%n");
        encoder.start();
        return encoder;
    }

    private LoggingEvent event(String message) {
        return new LoggingEvent(Logger.class.getName(), logger, Level.INFO, message, null, null);
    }

    @Test
    void everyLineOfManyThreadsIsWrittenInItsThreadsOrderAndNoneIsLostOnStop() throws Exception {
        Output output = new Output(null);
        BatchingConsoleAppender appender = new BatchingConsoleAppender(encoder(), output, 16);
        appender.setContext(context);
        appender.start();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 2_000; i++) {
                    appender.doAppend(event("line " + i));
                }
            }, "logger-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        appender.stop();

        String[] lines = output.text().split("\n");
        assertThat(lines).hasSize(8_000);
        for (int t = 0; t < 4; t++) {
            String prefix = "logger-" + t + " ";
            List<String> own = java.util.Arrays.stream(lines).filter(l -> l.startsWith(prefix)).toList();
            assertThat(own).hasSize(2_000);
            for (int i = 0; i < own.size(); i++) {
                assertThat(own.get(i)).isEqualTo(prefix + "line " + i);
            }
        }
    }

    @Test
    void linesLoggedWhileTheWriterIsBusyGoOutInOneWrite() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Output output = new Output(release);
        BatchingConsoleAppender appender = new BatchingConsoleAppender(encoder(), output, 4096);
        appender.setContext(context);
        appender.start();

        appender.doAppend(event("first"));
        assertThat(output.writing.await(10, TimeUnit.SECONDS)).as("the first line is being written").isTrue();
        for (int i = 0; i < 99; i++) {
            appender.doAppend(event("waiting " + i));
        }
        release.countDown();
        appender.stop();

        assertThat(output.text().split("\n")).hasSize(100);
        // One line per write would be 100 writes.
        assertThat(output.writes.get()).isEqualTo(2);
    }

    @Test
    void aLineLoggedAloneIsWrittenWithoutWaitingForMoreOrForTheStop() throws Exception {
        Output output = new Output(null);
        BatchingConsoleAppender appender = new BatchingConsoleAppender(encoder(), output, 4096);
        appender.setContext(context);
        appender.start();
        try {
            appender.doAppend(event("alone"));
            assertThat(output.flushed.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(output.text()).endsWith("alone\n");
        } finally {
            appender.stop();
        }
    }

    /** Counts writes; the first write waits for {@code release} when there is one. */
    private static final class Output extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CountDownLatch release;
        final CountDownLatch writing = new CountDownLatch(1);
        final CountDownLatch flushed = new CountDownLatch(1);
        final AtomicInteger writes = new AtomicInteger();

        Output(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writes.incrementAndGet();
            writing.countDown();
            if (release != null) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            synchronized (bytes) {
                bytes.write(b, off, len);
            }
        }

        @Override
        public void flush() {
            flushed.countDown();
        }

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
