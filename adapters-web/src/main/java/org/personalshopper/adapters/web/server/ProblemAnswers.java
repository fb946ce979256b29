package org.personalshopper.adapters.web.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.http.server.Response;
import org.personalshopper.adapters.web.problem.Problem;

/** Writes a problem straight on Grizzly's response, for answers given before or outside Jersey. */
final class ProblemAnswers {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemAnswers() {
    }

    static void send(Response response, Problem problem, boolean closeConnection) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        byte[] body = json(problem).getBytes(StandardCharsets.UTF_8);
        response.reset();
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        problem.headers().forEach(response::setHeader);
        if (closeConnection) {
            response.setHeader("Connection", "close");
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static String json(Problem problem) {
        try {
            return JSON.writeValueAsString(problem.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem is always plain JSON", e);
        }
    }
}
