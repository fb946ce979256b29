package org.personalshopper.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.personalshopper.adapters.web.support.FakeUseCases;
import org.personalshopper.adapters.web.support.HostileBodies;
import org.personalshopper.adapters.web.support.Json;
import org.personalshopper.adapters.web.support.WebServer;
import org.personalshopper.adapters.web.support.WriteEndpoints;
import org.personalshopper.adapters.web.support.WriteEndpoints.Case;
import org.personalshopper.adapters.web.support.WriteEndpoints.Endpoint;

/**
 * Generated bad input, as a property: for each write endpoint, {@value #BODIES} bodies made by
 * {@link HostileBodies} (each invalid by construction) get 0 answers of 5xx, each is refused with a 4xx
 * problem+json whose status matches, and no use case that writes ever runs. The generation is seeded
 * (override with {@code -Dshopper.badInput.seed=N} to explore other bodies); a failure names seed and case.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedBadInputHttpTest {
    static final int BODIES = 1_000;
    private static final long SEED = Long.getLong("shopper.badInput.seed", 20261127L);

    @RegisterExtension
    final WebServer web = WebServer.standard();
    private final FakeUseCases fakes = web.fakes;

    static List<Endpoint> endpoints() {
        return WriteEndpoints.ALL;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void everyGeneratedBadBodyIsRefusedWithAProblemAndChangesNothing(Endpoint endpoint) {
        HostileBodies bodies = new HostileBodies(SEED + endpoint.validBody().hashCode());
        List<String> wrong = new ArrayList<>();
        int[] statuses = new int[600];
        for (int i = 0; i < BODIES; i++) {
            Case c = bodies.next(endpoint);
            HttpResponse<String> response = send(endpoint.method(), endpoint.path(), c);
            statuses[response.statusCode()]++;
            problemWhereExpected(response).ifPresent(why -> wrong.add(why + " <- " + c.label()));
            if (fakes.writes.get() != 0) {
                wrong.add("reached a use case that writes <- " + c.label());
                fakes.writes.set(0);
            }
        }
        StringBuilder answers = new StringBuilder();
        for (int status = 0; status < statuses.length; status++) {
            if (statuses[status] > 0) {
                answers.append(' ').append(status).append('x').append(statuses[status]);
            }
        }
        System.out.printf("generated bad input, %s: %d bodies (seed %d), answers%s%n", endpoint, BODIES, bodies.seed(), answers);
        assertThat(wrong).as("seed %d: bodies not refused properly (of %d)", bodies.seed(), BODIES).isEmpty();
        assertThat(statuses[500] + statuses[502] + statuses[503] + statuses[504]).isZero();

        HttpResponse<String> valid = send(endpoint.method(), endpoint.path(), Case.json("valid", endpoint.validBody()));
        assertThat(valid.statusCode()).as("the valid body is still accepted: %s", valid.body()).isBetween(200, 299);
    }

    @Test
    void generatedMalformedIdsInDeletePathsAre404ProblemsAndChangeNothing() {
        Random random = new Random(SEED);
        List<String> wrong = new ArrayList<>();
        for (String collection : List.of("/api/guidance/", "/api/selections/")) {
            for (int i = 0; i < BODIES; i++) {
                String id = malformedId(random);
                String path = collection + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
                HttpResponse<String> response = web.send(web.signedIn(path).DELETE().build());
                if (response.statusCode() != 404) {
                    wrong.add(path + " -> " + response.statusCode());
                } else {
                    problemWhereExpected(response).ifPresent(why -> wrong.add(why + " <- " + path));
                }
                if (fakes.writes.get() != 0) {
                    wrong.add("reached a use case that writes <- " + path);
                    fakes.writes.set(0);
                }
            }
        }
        assertThat(wrong).as("seed %d", SEED).isEmpty();
    }

    /** Empty when the answer is a proper refusal: 4xx, problem+json, matching status, nothing internal. */
    private static java.util.Optional<String> problemWhereExpected(HttpResponse<String> response) {
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (status < 400 || status > 499) {
            return java.util.Optional.of("answered " + status + " " + abbreviate(response.body()));
        }
        if (!type.startsWith("application/problem+json")) {
            return java.util.Optional.of("answered " + status + " as " + type);
        }
        JsonNode problem = Json.parse(response.body());
        if (problem.path("status").asInt() != status || !problem.path("type").asText().startsWith("/problems/")
                || response.body().contains("Exception") || response.body().contains("\tat ")) {
            return java.util.Optional.of("bad problem " + abbreviate(response.body()));
        }
        return java.util.Optional.empty();
    }

    private HttpResponse<String> send(String method, String path, Case c) {
        HttpRequest.Builder builder = web.signedIn(path).method(method, HttpRequest.BodyPublishers.ofByteArray(c.body()));
        if (c.contentType() != null) {
            builder.header("Content-Type", c.contentType());
        }
        return web.send(builder.build());
    }

    /** Anything but a UUID: random text, a UUID with a character changed, cut or grown. */
    private static String malformedId(Random random) {
        String uuid = UUID.randomUUID().toString();
        return switch (random.nextInt(4)) {
            case 0 -> uuid.substring(0, random.nextInt(uuid.length())) + "g";
            case 1 -> uuid + "0".repeat(1 + random.nextInt(5));
            case 2 -> {
                int at = random.nextInt(uuid.length());
                yield uuid.substring(0, at) + "xyz\u00e9\u65e5 ;'%".charAt(random.nextInt(9)) + uuid.substring(at + 1);
            }
            default -> {
                StringBuilder text = new StringBuilder("x");
                for (int i = 0; i < random.nextInt(60); i++) {
                    text.appendCodePoint(0x21 + random.nextInt(0x3000));
                }
                yield text.toString();
            }
        };
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "...(" + s.length() + ")" : s;
    }
}
