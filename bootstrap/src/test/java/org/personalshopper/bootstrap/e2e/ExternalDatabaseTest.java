package org.personalshopper.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.personalshopper.bootstrap.ConfigurationException;

/**
 * The service on an external PostgreSQL (SHOPPER_DB_URL), as production runs: the server named by
 * SHOPPER_TEST_DB_URL, in a schema of its own that is dropped afterwards. CI sets the variable.
 */
@EnabledIfEnvironmentVariable(named = "SHOPPER_TEST_DB_URL", matches = "jdbc:postgresql:.+",
        disabledReason = "set SHOPPER_TEST_DB_URL to run the service against an external PostgreSQL")
class ExternalDatabaseTest {
    @RegisterExtension
    static WireMockExtension kroger = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String SERVER = System.getenv("SHOPPER_TEST_DB_URL");

    @TempDir
    Path dataDir;

    private String schema;
    private Map<String, String> env;

    @BeforeEach
    void freshSchema() throws Exception {
        schema = "e2e_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        }
        env = KrogerStub.environment(kroger, SERVER + (SERVER.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        KrogerStub.signInWorks(kroger);
    }

    @AfterEach
    void dropSchema() throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
        }
    }

    @Test
    void theServiceKeepsShoppersOnTheExternalDatabaseWithTokensEncryptedThere() throws Exception {
        Browser browser;
        try (ServiceUnderTest service = ServiceUnderTest.start(dataDir, env)) {
            browser = service.newBrowser();
            assertThat(browser.signInWithCode("external-code").statusCode()).isEqualTo(302);
            assertThat(browser.post("/api/guidance", "{\"text\":\"prefer store brand\"}").statusCode()).isEqualTo(201);
        }

        try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select access_token_enc, refresh_token_enc from " + schema + ".shopper_connection")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).matches("[0-9a-f]{8}:[A-Za-z0-9+/]+=*").doesNotContain(KrogerStub.ACCESS_TOKEN);
            assertThat(rows.getString(2)).doesNotContain(KrogerStub.REFRESH_TOKEN);
        }

        env.put("SHOPPER_PORT", Integer.toString(browser.request("/").build().uri().getPort()));
        try (ServiceUnderTest restarted = ServiceUnderTest.start(dataDir, env)) {
            assertThat(browser.get("/api/guidance").body()).as("data and session survive a restart").contains("prefer store brand");
        }
    }

    @Test
    void startingWithAKeyThatCannotReadTheStoredTokensIsAConfigurationError() {
        try (ServiceUnderTest service = ServiceUnderTest.start(dataDir, env)) {
            assertThat(service.newBrowser().signInWithCode("external-code-2").statusCode()).isEqualTo(302);
        }
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        env.put("SHOPPER_TOKEN_KEY", Base64.getEncoder().encodeToString(otherKey));

        assertThatThrownBy(() -> ServiceUnderTest.start(dataDir, env))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("SHOPPER_TOKEN_KEY:")
                .hasMessageContaining("SHOPPER_TOKEN_KEY_PREVIOUS");
    }
}
