package org.personalshopper.adapters.web.session;

import jakarta.ws.rs.core.SecurityContext;
import java.util.function.Function;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.model.Parameter;
import org.glassfish.jersey.server.spi.internal.ValueParamProvider;

/**
 * Hands a resource method's {@code @Context SecurityContext} parameter the request's own security context
 * (the one {@link SessionAuthenticationFilter} set) straight from the request. Jersey's general
 * {@code @Context} resolution asks HK2 for it on every call, a few hash lookups and descriptors per request
 * on every signed-in endpoint; what the resource receives is the same.
 */
public final class SecurityContextParameters implements ValueParamProvider {
    private static final Function<ContainerRequest, SecurityContext> OF_REQUEST = ContainerRequest::getSecurityContext;

    @Override
    public Function<ContainerRequest, ?> getValueProvider(Parameter parameter) {
        return parameter.getSource() == Parameter.Source.CONTEXT && parameter.getRawType() == SecurityContext.class
                ? OF_REQUEST : null;
    }

    @Override
    public PriorityType getPriority() {
        return Priority.HIGH;
    }
}
