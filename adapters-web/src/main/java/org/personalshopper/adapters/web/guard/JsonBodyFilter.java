package org.personalshopper.adapters.web.guard;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.personalshopper.adapters.web.problem.PayloadTooLargeException;
import org.personalshopper.adapters.web.problem.Problem;
import org.personalshopper.adapters.web.problem.ProblemExceptionMapper;
import org.personalshopper.adapters.web.problem.RequestBodyTimeoutException;

/**
 * A body sent to a resource that reads JSON must be declared as JSON, in UTF-8. Jersey already refuses a wrong
 * Content-Type on a JSON endpoint; this also refuses a body sent with none, instead of guessing its type, and a
 * body that starts like UTF-16 or UTF-32. One rule for every resource method that consumes JSON, whatever the
 * path looked like (a matrix parameter such as {@code /api;x=1/guidance} names the same resource), bound by
 * {@link Feature} after matching, and run after authentication: no byte of a body is waited for on behalf of
 * a caller who may not send it.
 */
public final class JsonBodyFilter implements ContainerRequestFilter {
    /** After the session check ({@link Priorities#AUTHENTICATION}), before the resource reads the entity. */
    public static final int PRIORITY = Priorities.AUTHENTICATION + 500;

    /** Binds the filter to every resource method that consumes JSON. */
    public static final class Feature implements DynamicFeature {
        @Override
        public void configure(ResourceInfo resource, FeatureContext context) {
            Consumes consumes = resource.getResourceMethod().getAnnotation(Consumes.class);
            if (consumes == null) {
                consumes = resource.getResourceClass().getAnnotation(Consumes.class);
            }
            if (consumes != null && Arrays.stream(consumes.value())
                    .anyMatch(type -> MediaType.valueOf(type).isCompatible(MediaType.APPLICATION_JSON_TYPE))) {
                context.register(new JsonBodyFilter(), PRIORITY);
            }
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
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
            // The body could not be read (too large, too slow, connection lost): answer as the reader would.
            Response refusal;
            if (e instanceof PayloadTooLargeException tooLarge) {
                refusal = ProblemExceptionMapper.payloadTooLarge(tooLarge.limitBytes()).response();
            } else if (e instanceof RequestBodyTimeoutException late) {
                refusal = ProblemExceptionMapper.requestTimeout(late).response();
            } else {
                refusal = Problem.validation(List.of(new Problem.FieldError("$", "could not be read"))).response();
            }
            request.abortWith(refusal);
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

    static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        if (length != null) {
            return !length.strip().equals("0");
        }
        return request.getHeaderString("Transfer-Encoding") != null;
    }
}
