package org.personalshopper.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.personalshopper.adapters.web.problem.ProblemType;

/** openapi.yaml describes exactly the operations the Jersey resources serve, and every problem type. */
class OpenApiDocumentTest {
    private static final Map<Class<? extends Annotation>, String> HTTP_METHODS = Map.of(GET.class, "get", POST.class, "post",
            PUT.class, "put", DELETE.class, "delete", PATCH.class, "patch", HEAD.class, "head", OPTIONS.class, "options");
    private static final Pattern PATH_LINE = Pattern.compile("^  (/[^:\\s]*):\\s*$");
    private static final Pattern METHOD_LINE = Pattern.compile("^    (get|put|post|delete|patch|head|options):\\s*$");

    static String document() throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/org/personalshopper/adapters/web/openapi.yaml")) {
            assertThat(in).as("openapi.yaml packed into the jar").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** "get /api/user" for every operation under the top-level {@code paths:} key, by plain line reading. */
    static Set<String> documentedOperations(String yaml) {
        Set<String> operations = new TreeSet<>();
        boolean inPaths = false;
        String path = null;
        for (String line : yaml.split("\n")) {
            if (!line.isEmpty() && !line.startsWith(" ") && !line.startsWith("#")) {
                inPaths = line.startsWith("paths:");
                path = null;
                continue;
            }
            if (!inPaths) {
                continue;
            }
            Matcher pathLine = PATH_LINE.matcher(line);
            if (pathLine.matches()) {
                path = pathLine.group(1);
                continue;
            }
            Matcher methodLine = METHOD_LINE.matcher(line);
            if (methodLine.matches() && path != null) {
                operations.add(methodLine.group(1) + " " + path);
            }
        }
        return operations;
    }

    /** "get /api/user" for every resource method of the application's resource classes. */
    static Set<String> servedOperations() {
        Set<String> operations = new TreeSet<>();
        for (Class<?> resource : ShopperWebApp.RESOURCES) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getMethods()) {
                for (Map.Entry<Class<? extends Annotation>, String> http : HTTP_METHODS.entrySet()) {
                    if (method.isAnnotationPresent(http.getKey())) {
                        Path sub = method.getAnnotation(Path.class);
                        operations.add(http.getValue() + " " + join(base, sub == null ? "" : sub.value()));
                    }
                }
            }
        }
        return operations;
    }

    private static String join(String base, String sub) {
        String path = "/" + Arrays.stream((base + "/" + sub).split("/")).filter(s -> !s.isEmpty())
                .collect(Collectors.joining("/"));
        return path.replaceAll("\\{(\\w+)(:[^}]*)?}", "{$1}");
    }

    /** Any YAML reader (a client generator, a linter) must be able to read the served document. */
    @Test
    void isValidYamlWithEveryDocumentedOperationUnderPaths() throws IOException {
        JsonNode openApi = new ObjectMapper(new YAMLFactory()).readTree(document());
        assertThat(openApi.path("openapi").asText()).startsWith("3.1");
        Set<String> parsed = new TreeSet<>();
        openApi.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (HTTP_METHODS.containsValue(method)) {
                parsed.add(method + " " + path.getKey());
            }
        }));
        assertThat(parsed).isEqualTo(documentedOperations(document()));
    }

    @Test
    void everyServedOperationIsDocumentedAndNothingElse() throws IOException {
        Set<String> served = servedOperations();
        Set<String> documented = documentedOperations(document());

        assertThat(served).as("resource methods").hasSizeGreaterThan(15);
        assertThat(documented).as("documented but not served").isSubsetOf(served);
        assertThat(served).as("served but not documented").isSubsetOf(documented);
    }

    @Test
    void theLineReaderSeesAMissingOperation() {
        String yaml = "openapi: 3.1.0\npaths:\n  /api/user:\n    get:\n      summary: x\n  /api/guidance:\n    post:\n"
                + "      responses: {}\ncomponents:\n  schemas:\n    /not/a/path:\n      get:\n";
        assertThat(documentedOperations(yaml)).containsExactly("get /api/user", "post /api/guidance");
    }

    @Test
    void everyProblemTypeIsDocumented() throws IOException {
        String yaml = document();
        List<String> missing = Arrays.stream(ProblemType.values()).map(ProblemType::uri)
                .filter(uri -> !yaml.contains("- " + uri + "\n")).toList();
        assertThat(missing).as("problem types missing from components/schemas/Problem").isEmpty();
    }

    @Test
    void theDocumentIsOpenApi31AndDescribesTheCookies() throws IOException {
        String yaml = document();
        assertThat(yaml).startsWith("openapi: 3.1");
        assertThat(yaml.toLowerCase(Locale.ROOT)).contains("name: shopper_session", "name: shopper_login");
    }
}
