package org.personalshopper.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.personalshopper.adapters.web.support.HostileBodies;
import org.personalshopper.adapters.web.support.WriteEndpoints;
import org.personalshopper.adapters.web.support.WriteEndpoints.Case;
import org.personalshopper.adapters.web.support.WriteEndpoints.Endpoint;

/**
 * Generated bad input through the whole service, real database included: a signed-in shopper with stored
 * data sends generated invalid bodies to every write endpoint; none is answered with a 5xx, each refusal
 * is problem+json, and afterwards every table of the database holds exactly what it held before (and
 * Kroger's cart was never called). The web adapter's own test sends 1,000 per endpoint; this one proves
 * that refusals leave the stored data alone.
 */
class GeneratedBadInputEndToEndTest {
    private static final int BODIES_PER_ENDPOINT = 150;

    @RegisterExtension
    static WireMockExtension kroger = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dataDir;

    @Test
    void generatedBadBodiesChangeNoStoredData() throws Exception {
        KrogerStub.signInWorks(kroger);
        KrogerStub.catalogWorks(kroger);
        try (ServiceUnderTest service = ServiceUnderTest.start(dataDir, KrogerStub.environment(kroger))) {
            Browser shopper = service.newBrowser();
            assertThat(shopper.signInWithCode("bad-input-code").statusCode()).isEqualTo(302);
            assertThat(shopper.put("/api/user/location", "{\"locationId\":\"01400999\"}").statusCode()).isEqualTo(200);
            assertThat(shopper.post("/api/guidance", "{\"text\":\"prefer organic\"}").statusCode()).isEqualTo(201);
            assertThat(shopper.post(WriteEndpoints.SAVE_SELECTION.path(), WriteEndpoints.SAVE_SELECTION.validBody()).statusCode())
                    .isEqualTo(201);
            assertThat(shopper.post("/api/cart", WriteEndpoints.FILL_CART_WITH_ITEMS.validBody()).statusCode()).isEqualTo(204);
            Map<String, String> before = storedData();

            List<String> wrong = new ArrayList<>();
            int sent = 0;
            for (Endpoint endpoint : WriteEndpoints.ALL) {
                HostileBodies bodies = new HostileBodies(endpoint.validBody().hashCode());
                for (int i = 0; i < BODIES_PER_ENDPOINT; i++) {
                    Case c = bodies.next(endpoint);
                    HttpRequest.Builder request = shopper.request(endpoint.path())
                            .method(endpoint.method(), HttpRequest.BodyPublishers.ofByteArray(c.body()));
                    if (c.contentType() != null) {
                        request.header("Content-Type", c.contentType());
                    }
                    HttpResponse<String> response = shopper.send(request);
                    sent++;
                    String type = response.headers().firstValue("Content-Type").orElse("");
                    if (response.statusCode() < 400 || response.statusCode() > 499 || !type.startsWith("application/problem+json")) {
                        wrong.add(endpoint + " answered " + response.statusCode() + " " + type + " <- " + c.label());
                    }
                }
            }

            assertThat(wrong).as("of %d generated bodies", sent).isEmpty();
            assertThat(storedData()).as("every table, row by row").isEqualTo(before);
            kroger.verify(1, putRequestedFor(urlPathEqualTo("/v1/cart/add")));
        }
    }

    /** Each table of the shopper schema: its row count and a digest of all its rows. */
    private Map<String, String> storedData() throws Exception {
        List<String> pid = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
        String password = Files.readString(dataDir.resolve("db-password"), StandardCharsets.US_ASCII).trim();
        Map<String, String> tables = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pid.get(3).trim() + "/postgres",
                "shopper", password); Statement s = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select tablename from pg_tables where schemaname = 'public'"
                    + " and tablename <> 'flyway_schema_history'")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String table : names) {
                try (ResultSet rs = s.executeQuery("select count(*) || ' rows, ' || coalesce(md5(string_agg(t::text, '|'"
                        + " order by t::text)), '-') from public.\"" + table + "\" t")) {
                    rs.next();
                    tables.put(table, rs.getString(1));
                }
            }
        }
        assertThat(tables).containsKeys("shopper", "shopper_session", "guidance", "selection", "cart_submission");
        return tables;
    }
}
