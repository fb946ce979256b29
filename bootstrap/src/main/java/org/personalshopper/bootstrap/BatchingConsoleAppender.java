package org.personalshopper.bootstrap;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The log's way to standard output, as logback's {@code AsyncAppender} in front of its {@code ConsoleAppender}:
 * the logging thread hands the event over (waiting only while {@code capacity} events wait already: nothing is
 * ever dropped) and one writer thread formats it. Unlike that pair, the writer takes the lines in batches:
 * woken by a line, it lets others join it for up to {@link #LINGER_NANOS} and writes them all in one write.
 * The pair woke its writer for every line and wrote each on its own (under load one wake-up and one system
 * call per request: the writer thread was 4 % of the service's CPU, half of it in the kernel, and the
 * request threads paid the wake-ups). On stop, everything queued is written first.
 */
final class BatchingConsoleAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    /** A batch is written once it is this large, so a long queue never builds one huge array. */
    static final int BATCH_BYTES = 64 * 1024;
    private static final long STOP_WAIT_MILLIS = 5_000;
    /** How long a line may wait for others to share its write: the most a line is late in the log. */
    static final long LINGER_NANOS = 5_000_000;

    private final Encoder<ILoggingEvent> encoder;
    private final OutputStream out;
    private final BlockingQueue<ILoggingEvent> queue;
    private Thread writer;

    BatchingConsoleAppender(Encoder<ILoggingEvent> encoder, OutputStream out, int capacity) {
        this.encoder = encoder;
        this.out = out;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Standard output as it is when a batch is written (as logback's console target, which follows System.setOut). */
    static OutputStream standardOutput() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                System.out.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                System.out.write(bytes, offset, length);
            }

            @Override
            public void flush() {
                System.out.flush();
            }
        };
    }

    @Override
    public void start() {
        if (isStarted()) {
            return;
        }
        writer = new Thread(this::writeUntilStopped, "log-writer");
        writer.setDaemon(true);
        super.start();
        writer.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        // What the writer thread will need, taken now on the logging thread: message, thread name, MDC.
        event.prepareForDeferredProcessing();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    queue.put(event);
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        writer.interrupt();
        try {
            writer.join(STOP_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeUntilStopped() {
        ByteArrayOutputStream batch = new ByteArrayOutputStream(BATCH_BYTES);
        while (true) {
            ILoggingEvent first;
            try {
                first = queue.take();
            } catch (InterruptedException e) {
                if (!isStarted()) {
                    break;
                }
                continue;
            }
            // Lines logged meanwhile join this one's write. While the writer lingers it waits on nothing, so
            // the logging threads hand lines over without waking it: one wake-up and one write per batch.
            LockSupport.parkNanos(LINGER_NANOS);
            batch.reset();
            encodeInto(batch, first);
            ILoggingEvent next;
            while (batch.size() < BATCH_BYTES && (next = queue.poll()) != null) {
                encodeInto(batch, next);
            }
            write(batch);
        }
        // Stopped: what is still queued goes out before the thread ends.
        batch.reset();
        for (ILoggingEvent left; (left = queue.poll()) != null; ) {
            encodeInto(batch, left);
            if (batch.size() >= BATCH_BYTES) {
                write(batch);
                batch.reset();
            }
        }
        write(batch);
    }

    private void encodeInto(ByteArrayOutputStream batch, ILoggingEvent event) {
        try {
            batch.writeBytes(encoder.encode(event));
        } catch (RuntimeException e) {
            addError("a log event could not be formatted", e);
        }
    }

    private void write(ByteArrayOutputStream batch) {
        if (batch.size() == 0) {
            return;
        }
        try {
            batch.writeTo(out);
            out.flush();
        } catch (IOException | RuntimeException e) {
            addError("log lines could not be written", e);
        }
    }
}
