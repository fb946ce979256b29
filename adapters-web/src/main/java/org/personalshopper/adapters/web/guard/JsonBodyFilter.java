package org.personalshopper.adapters.web.guard;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.personalshopper.adapters.web.problem.PayloadTooLargeException;
import org.personalshopper.adapters.web.problem.Problem;
import org.personalshopper.adapters.web.problem.ProblemExceptionMapper;

/**
 * A body sent to {@code /api} must be declared as JSON, in UTF-8. Jersey already refuses a wrong Content-Type on a
 * JSON endpoint; this also refuses a body sent with none, instead of guessing its type.
 */
@PreMatching
public final class JsonBodyFilter implements ContainerRequestFilter {
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (path == null || !path.startsWith("/api/") || !WITH_BODY.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            return;
        }
        if (!hasBody(request)) {
            return;
        }
        MediaType type;
        try {
            type = request.getMediaType();
        } catch (RuntimeException e) {
            type = null; // an unparseable Content-Type is no JSON either
        }
        if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.isWildcardType() || type.isWildcardSubtype()
                || !isUtf8(type.getParameters().get(MediaType.CHARSET_PARAMETER))) {
            request.abortWith(ProblemExceptionMapper.unsupportedMediaType().response());
            return;
        }
        try {
            BufferedInputStream body = new BufferedInputStream(request.getEntityStream(), 4);
            body.mark(4);
            byte[] head = body.readNBytes(4);
            body.reset();
            request.setEntityStream(body);
            if (!looksLikeUtf8(head)) {
                request.abortWith(Problem.validation(List.of(new Problem.FieldError("$", "must be JSON encoded as UTF-8"))).response());
            }
        } catch (IOException e) {
            // The body could not be read (too large, connection lost): let the reader report it as it would.
            request.abortWith(e instanceof PayloadTooLargeException tooLarge
                    ? ProblemExceptionMapper.payloadTooLarge(tooLarge.limitBytes()).response()
                    : Problem.validation(List.of(new Problem.FieldError("$", "could not be read"))).response());
        }
    }

    private static boolean isUtf8(String charset) {
        return charset == null || charset.equalsIgnoreCase("utf-8") || charset.equalsIgnoreCase("utf8");
    }

    /**
     * JSON parsers sniff UTF-16 and UTF-32 from NUL bytes and byte-order marks; this API takes UTF-8 only
     * (RFC 8259), and a NUL byte is never valid JSON, so such a body is refused before parsing.
     */
    private static boolean looksLikeUtf8(byte[] head) {
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        return !(head.length >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)));
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        if (length != null) {
            return !length.strip().equals("0");
        }
        return request.getHeaderString("Transfer-Encoding") != null;
    }
}
