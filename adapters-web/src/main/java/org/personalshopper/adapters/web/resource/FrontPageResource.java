package org.personalshopper.adapters.web.resource;

import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.personalshopper.adapters.web.problem.Problem;
import org.personalshopper.adapters.web.problem.ProblemType;

/**
 * The front page: one static HTML page with its script and style sheet, packed into the jar. It talks to
 * the service only through the public {@code /auth} and {@code /api} endpoints, like any other client.
 */
@Path("/")
@Singleton
public class FrontPageResource {
    static final String FOLDER = "/org/personalshopper/adapters/web/static/";
    static final String PAGE = "index.html";

    /**
     * Scripts only from this service (no inline script, so injected markup cannot run), images from
     * anywhere over http(s) (Kroger's, or the sandbox's on its own port), calls only to this service.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' http: https:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /** The only files served, by name: nothing else on the class path can be reached from here. */
    private static final Map<String, String> ASSETS = Map.of(
            "front-page.js", "text/javascript; charset=utf-8",
            "front-page.css", "text/css; charset=utf-8");

    @GET
    public Response page() {
        return file(PAGE, "text/html; charset=utf-8");
    }

    @GET
    @Path("assets/{name}")
    public Response asset(@PathParam("name") String name) {
        String type = ASSETS.get(name);
        if (type == null) {
            return Problem.of(ProblemType.NOT_FOUND, 404, "Not found", "there is no such file").response();
        }
        return file(name, type);
    }

    private static Response file(String name, String type) {
        return Response.ok(read(name), type)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                // Small files that change with a new release: revalidate rather than keep a stale page.
                .header("Cache-Control", "no-cache")
                .build();
    }

    private static byte[] read(String name) {
        try (InputStream in = FrontPageResource.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
