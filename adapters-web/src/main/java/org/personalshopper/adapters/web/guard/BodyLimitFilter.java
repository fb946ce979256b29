package org.personalshopper.adapters.web.guard;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;
import org.personalshopper.adapters.web.problem.PayloadTooLargeException;
import org.personalshopper.adapters.web.problem.ProblemExceptionMapper;
import org.personalshopper.adapters.web.problem.RequestBodyTimeoutException;

/**
 * Bounds request bodies in size and in time: a declared Content-Length over the limit is refused at once, a
 * body without one (chunked) is cut off when it grows past the limit, and a body still arriving when its
 * time is up (counted from here, before anything is read) is cut off with 408. Nothing is read here: the
 * body is read, if at all, after the caller is authenticated.
 */
@PreMatching
public final class BodyLimitFilter implements ContainerRequestFilter {
    private final long maxBytes;
    private final Duration maxTime;

    public BodyLimitFilter(long maxBytes, Duration maxTime) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
        this.maxTime = Objects.requireNonNull(maxTime, "maxTime");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String declared = request.getHeaderString("Content-Length");
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.strip());
            } catch (NumberFormatException e) {
                length = Long.MAX_VALUE;
            }
            if (length > maxBytes) {
                request.abortWith(ProblemExceptionMapper.payloadTooLarge(maxBytes).response());
                return;
            }
        }
        request.setEntityStream(new LimitedInputStream(request.getEntityStream(), maxBytes, maxTime));
    }

    /**
     * Counts what is read and fails once more than the limit arrived, or once the time is up. A read that
     * fails while the server waits for bytes (its read timeout, set to the same time) is a late body too.
     */
    static final class LimitedInputStream extends FilterInputStream {
        private final long limit;
        private final Duration maxTime;
        private final long deadline;
        private long count;

        LimitedInputStream(InputStream in, long limit, Duration maxTime) {
            super(in);
            this.limit = limit;
            this.maxTime = maxTime;
            this.deadline = System.nanoTime() + maxTime.toNanos();
        }

        @Override
        public int read() throws IOException {
            beforeRead();
            int b;
            try {
                b = super.read();
            } catch (IOException e) {
                throw readFailed(e);
            }
            afterRead(b >= 0 ? 1 : 0);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            beforeRead();
            int n;
            try {
                n = super.read(buffer, offset, length);
            } catch (IOException e) {
                throw readFailed(e);
            }
            afterRead(Math.max(0, n));
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            beforeRead();
            long skipped;
            try {
                skipped = super.skip(n);
            } catch (IOException e) {
                throw readFailed(e);
            }
            afterRead(skipped);
            return skipped;
        }

        private void beforeRead() throws RequestBodyTimeoutException {
            if (System.nanoTime() - deadline > 0) {
                throw new RequestBodyTimeoutException(maxTime, null);
            }
        }

        private void afterRead(long bytes) throws IOException {
            counted(bytes);
            if (bytes > 0 && System.nanoTime() - deadline > 0) {
                throw new RequestBodyTimeoutException(maxTime, null);
            }
        }

        /** A read the server gave up waiting for (its read timeout) is a late body; anything else stays as it was. */
        private IOException readFailed(IOException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.util.concurrent.TimeoutException || t instanceof java.net.SocketTimeoutException) {
                    return new RequestBodyTimeoutException(maxTime, e);
                }
            }
            return e;
        }

        private void counted(long n) throws PayloadTooLargeException {
            count += n;
            if (count > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
