package org.personalshopper.adapters.web.resource;

import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The API description (docs/openapi.yaml, packed into the jar by the build). */
@Path("/openapi.yaml")
@Singleton
public class OpenApiResource {
    static final String DOCUMENT = "/org/personalshopper/adapters/web/openapi.yaml";

    @GET
    @Produces("application/yaml")
    public byte[] document() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
