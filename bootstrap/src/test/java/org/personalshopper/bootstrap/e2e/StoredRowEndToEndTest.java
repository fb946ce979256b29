package org.personalshopper.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stored row our own checks refuse (written by an older version, by hand, or damaged), read through the
 * real wiring: the shopper gets a 500 with an incident id that is in the log, not a 400 telling them to fix
 * input they never sent, and the stored value is neither in the answer nor in the log.
 */
class StoredRowEndToEndTest {
    @RegisterExtension
    static WireMockExtension kroger = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    static Path dataDir;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static EmbeddedPostgres postgres;
    private static String jdbcUrl;
    private static ServiceUnderTest service;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
        service = ServiceUnderTest.start(dataDir, KrogerStub.environment(kroger, jdbcUrl));
    }

    @AfterAll
    static void stop() throws IOException {
        if (service != null) {
            service.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aStoredPickOurChecksRefuseIsA500WithAnIncidentIdNotA400() throws Exception {
        KrogerStub.signInWorks(kroger);
        KrogerStub.catalogWorks(kroger);
        Browser browser = service.newBrowser();
        assertThat(browser.signInWithCode("stored-row-code").statusCode()).isEqualTo(302);
        HttpResponse<String> saved = browser.post("/api/selections", "{\"item\":\"Milk\",\"productId\":\"0001234500017\","
                + "\"upc\":\"0001234500017\",\"description\":\"Sample Farms 2% Reduced Fat Milk\",\"quantity\":2}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        UUID id = UUID.fromString(json(saved).path("id").asText());
        // no column constraint matches the domain's text rule: a control character gets in by hand
        update("update selection set description = ? where id = ?", "Personal\u0007Detail", id);

        HttpResponse<String> listed;
        List<String> logged;
        try (LogCapture logs = LogCapture.capture()) {
            listed = browser.get("/api/selections");
            logged = logs.lines();
        }

        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(500);
        JsonNode problem = json(listed);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/internal");
        String incident = problem.path("incidentId").asText();
        assertThat(incident).matches("[0-9a-f-]{36}");
        assertThat(listed.body()).doesNotContain("Personal", "description", "StoredRow");
        assertThat(logged).anySatisfy(line -> assertThat(line).contains(incident, "selection", "description"));
        assertThat(logged).noneSatisfy(line -> assertThat(line).contains("Personal"));
    }

    private static void update(String sql, Object... binds) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < binds.length; i++) {
                statement.setObject(i + 1, binds[i]);
            }
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
